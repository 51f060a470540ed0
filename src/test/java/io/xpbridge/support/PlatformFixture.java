package io.xpbridge.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.telegram.FakeTelegram;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The whole service, with its real bots, against fake platforms that run on their own Vert.x
 * instance as the real Bot API and Discord would: the fakes start first (the bots need their
 * URLs), then the service pointed at them on a fresh database; {@link #close} stops the bots
 * before the fakes go away. One per test class.
 */
public final class PlatformFixture implements AutoCloseable {
  public final Vertx fakeVertx;
  /** Null unless asked for with {@link Builder#telegram()}. */
  public final FakeTelegram telegram;
  /** Null unless asked for with {@link Builder#discord}. */
  public final FakeDiscord discord;
  public final ServiceFixture service;

  private PlatformFixture(Vertx fakeVertx, FakeTelegram telegram, FakeDiscord discord, ServiceFixture service) {
    this.fakeVertx = fakeVertx;
    this.telegram = telegram;
    this.discord = discord;
    this.service = service;
  }

  public static Builder of(Class<?> testClass) {
    return new Builder(testClass);
  }

  public static final class Builder {
    private final Class<?> testClass;
    private boolean telegram;
    private Consumer<FakeDiscord> guild;
    private UnaryOperator<JsonObject> config = UnaryOperator.identity();

    private Builder(Class<?> testClass) {
      this.testClass = testClass;
    }

    public Builder telegram() {
      telegram = true;
      return this;
    }

    /** A fake Discord whose guild {@code layout} fills in (roles, channels) before it starts. */
    public Builder discord(Consumer<FakeDiscord> layout) {
      guild = layout;
      return this;
    }

    /** More config, after the bots were pointed at the fakes. */
    public Builder config(UnaryOperator<JsonObject> more) {
      config = more;
      return this;
    }

    public PlatformFixture start() {
      Vertx fakeVertx = Vertx.vertx();
      FakeTelegram fakeTelegram = telegram ? new FakeTelegram(fakeVertx) : null;
      FakeDiscord fakeDiscord = guild != null ? new FakeDiscord(fakeVertx) : null;
      PlatformFixture started = new PlatformFixture(fakeVertx, fakeTelegram, fakeDiscord, null);
      try {
        if (fakeTelegram != null) {
          Await.result(fakeTelegram.start());
        }
        if (fakeDiscord != null) {
          guild.accept(fakeDiscord);
          Await.result(fakeDiscord.start());
        }
        ServiceFixture service = ServiceFixture.start(testClass, base -> {
          if (fakeTelegram != null) {
            TelegramService.pointAt(base, fakeTelegram);
          }
          if (fakeDiscord != null) {
            DiscordService.pointAt(base, fakeDiscord);
          }
          return config.apply(base);
        });
        started = new PlatformFixture(fakeVertx, fakeTelegram, fakeDiscord, service);
        started.awaitBots();
        return started;
      } catch (RuntimeException | Error e) {
        started.close();
        throw e;
      }
    }
  }

  private void awaitBots() {
    if (telegram != null) {
      Await.until("the Telegram bot polls the fake", () -> !telegram.calls("getUpdates").isEmpty());
    }
    if (discord != null) {
      DiscordService.awaitBotReady(discord);
    }
  }

  @Override
  public void close() {
    try {
      if (service != null) {
        service.close();
      }
    } finally {
      try {
        if (discord != null) {
          Await.result(discord.close());
        }
        if (telegram != null) {
          Await.result(telegram.close());
        }
      } finally {
        Await.result(fakeVertx.close());
      }
    }
  }
}
