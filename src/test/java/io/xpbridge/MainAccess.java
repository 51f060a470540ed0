package io.xpbridge;

import io.xpbridge.config.AppConfig;

/** Lets tests in other packages reach Main's package-private helpers. */
public final class MainAccess {
  private MainAccess() {}

  public static void applyLogLevel(AppConfig config) {
    Main.applyLogLevel(config);
  }
}
