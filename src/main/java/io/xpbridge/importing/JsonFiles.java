package io.xpbridge.importing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson setup of the importers: a streaming parser, and a tree for one small object at a time. */
final class JsonFiles {
  static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(100_000).build())
      // The importer owns the stream: it reads on past a broken document to hash the whole file.
      .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build());

  private JsonFiles() {}

  static int line(JsonParser parser) {
    return parser.currentLocation().getLineNr();
  }

  /** The problem of a file Jackson could not read, without the parser's source dump. */
  static String broken(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int at = message.indexOf("\n at [Source");
    message = at < 0 ? message : message.substring(0, at);
    return "broken JSON: " + message.replace('\n', ' ');
  }
}
