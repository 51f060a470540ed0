package io.xpbridge.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Reads a getUpdates answer. The library maps the whole batch at once, so one update it cannot
 * map (a newer Bot API field of an unexpected type, say) would fail the batch and, since the
 * offset could not advance, block polling forever. Then each update is mapped on its own and the
 * unmappable ones are returned without an {@link Update} so the poller can confirm and skip them.
 */
final class UpdateBatchParser {

  /** One element of the batch; {@code update} is null when the library could not map it. */
  record Incoming(long updateId, Update update, String error) {}

  private final ObjectMapper json = new ObjectMapper();

  Future<List<Incoming>> parse(GetUpdates method, TelegramApiClient.RawAnswer answer) {
    try {
      List<Incoming> batch = new ArrayList<>();
      for (Update update : method.deserializeResponse(answer.body())) {
        batch.add(new Incoming(update.getUpdateId() == null ? -1 : update.getUpdateId(), update, null));
      }
      return Future.succeededFuture(batch);
    } catch (TelegramApiRequestException e) {
      if (e.getErrorCode() != null && e.getErrorCode() != 0) {
        return Future.failedFuture(TelegramApiClient.classify(method.getMethod(), answer, e));
      }
      return parseOneByOne(method, answer, e);
    }
  }

  private Future<List<Incoming>> parseOneByOne(GetUpdates method, TelegramApiClient.RawAnswer answer,
                                               TelegramApiRequestException batchError) {
    JsonNode root;
    try {
      root = json.readTree(answer.body());
    } catch (IOException | RuntimeException e) {
      root = null;
    }
    if (root == null || !root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
      return Future.failedFuture(TelegramApiClient.classify(method.getMethod(), answer, batchError));
    }
    List<Incoming> batch = new ArrayList<>();
    for (JsonNode element : root.path("result")) {
      long updateId = element.path("update_id").asLong(-1);
      try {
        String single = "{\"ok\":true,\"result\":[" + json.writeValueAsString(element) + "]}";
        for (Update update : method.deserializeResponse(single)) {
          batch.add(new Incoming(updateId, update, null));
        }
      } catch (IOException | TelegramApiRequestException | RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        batch.add(new Incoming(updateId, null, cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage())));
      }
    }
    return Future.succeededFuture(batch);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
