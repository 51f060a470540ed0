package io.xpbridge.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/** Bearer-token check for admin routes, compared in constant time so timing reveals nothing. */
final class AdminAuth implements Handler<RoutingContext> {
  private final Supplier<String> token;

  AdminAuth(Supplier<String> token) {
    this.token = token;
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
              ? "admin API disabled: set XPBRIDGE_ADMIN_TOKEN" : "missing or wrong bearer token").encode());
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
