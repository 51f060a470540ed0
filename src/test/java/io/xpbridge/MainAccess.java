package io.xpbridge;

import io.vertx.core.json.JsonObject;

/** Lets tests in other packages reach Main's package-private helpers. */
public final class MainAccess {
  private MainAccess() {}

  public static void applyLogLevel(JsonObject config) {
    Main.applyLogLevel(config);
  }
}
