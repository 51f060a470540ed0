package io.xpbridge.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** {@code GET /health/ready} of a running service, and one named check of its answer. */
public final class Readiness {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Readiness() {}

  public static HttpResponse<String> of(ServiceFixture service) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/health/ready"))
          .build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The check with {@code id} ("database", "telegram-bot", ...) in a readiness answer. */
  public static JsonObject check(JsonObject health, String id) {
    JsonArray checks = health.getJsonArray("checks");
    for (int i = 0; i < checks.size(); i++) {
      if (id.equals(checks.getJsonObject(i).getString("id"))) {
        return checks.getJsonObject(i);
      }
    }
    throw new AssertionError("no check " + id + " in " + health.encode());
  }
}
