package io.xpbridge.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/** Bearer-token check (admin routes; management routes when protected), compared in constant time. */
final class AdminAuth implements Handler<RoutingContext> {
  private final Supplier<String> token;
  /** The environment variable that sets the token, named when none is set. */
  private final String variable;

  AdminAuth(Supplier<String> token, String variable) {
    this.token = token;
    this.variable = variable;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String expected = token.get();
    String header = ctx.request().getHeader("Authorization");
    String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
    if (expected == null || expected.isEmpty()
        || !MessageDigest.isEqual(digest(expected), digest(given))) {
      ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
          .putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", expected == null || expected.isEmpty()
              ? "disabled: set " + variable : "missing or wrong bearer token").encode());
      return;
    }
    ctx.next();
  }

  /** Hashing first makes the comparison length-independent too. */
  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
