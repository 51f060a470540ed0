package io.xpbridge.config;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.shareddata.LocalMap;
import io.xpbridge.bus.Bus;

/**
 * Publishes an accepted config on {@link Bus#CONFIG_CHANGED} as the {@link AppConfig} instance
 * itself: a local codec hands every consumer the same immutable tree, so no verticle reads or
 * checks it again and none can apply less of it than the others.
 */
public final class ConfigChanges {
  private ConfigChanges() {}

  public static void publish(Vertx vertx, AppConfig config) {
    registerCodec(vertx);
    // Each node watches its own config file; the codec cannot (and must not) cross to other nodes.
    vertx.eventBus().publish(Bus.CONFIG_CHANGED, config, new DeliveryOptions().setLocalOnly(true));
  }

  /** Once per Vert.x instance: the service's, or a test's that publishes without the service. */
  private static synchronized void registerCodec(Vertx vertx) {
    LocalMap<String, Boolean> registered = vertx.sharedData().getLocalMap(ConfigChanges.class.getName());
    if (registered.putIfAbsent("codec", true) == null) {
      vertx.eventBus().registerDefaultCodec(AppConfig.class, new SameInstanceCodec());
    }
  }

  private static final class SameInstanceCodec implements MessageCodec<AppConfig, AppConfig> {
    @Override
    public void encodeToWire(Buffer buffer, AppConfig config) {
      throw new UnsupportedOperationException("config changes are published inside this process only");
    }

    @Override
    public AppConfig decodeFromWire(int pos, Buffer buffer) {
      throw new UnsupportedOperationException("config changes are published inside this process only");
    }

    @Override
    public AppConfig transform(AppConfig config) {
      return config;
    }

    @Override
    public String name() {
      return "xpbridge-app-config";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
