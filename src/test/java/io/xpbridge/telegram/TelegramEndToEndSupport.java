package io.xpbridge.telegram;

import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.deployment.DeploymentContext;
import io.vertx.core.json.JsonObject;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.SentMessage;
import io.xpbridge.support.Await;
import io.xpbridge.support.PlatformFixture;
import io.xpbridge.support.ServiceFixture;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The whole service (real engine, real PostgreSQL, the Telegram bot deployed by {@code App} because
 * a token is set) talking to a {@link FakeTelegram} that runs on its own Vert.x instance, as the
 * real Bot API would.
 */
final class TelegramEndToEndSupport {

  static final Duration WAIT = Duration.ofSeconds(30);

  final PlatformFixture platforms;
  final FakeTelegram fake;
  final ServiceFixture service;

  private TelegramEndToEndSupport(PlatformFixture platforms) {
    this.platforms = platforms;
    this.fake = platforms.telegram;
    this.service = platforms.service;
  }

  static TelegramEndToEndSupport start(Class<?> testClass, UnaryOperator<JsonObject> moreConfig) {
    return new TelegramEndToEndSupport(PlatformFixture.of(testClass).telegram().config(moreConfig).start());
  }

  void close() {
    platforms.close();
  }

  // ---- what the player saw ----

  List<SentMessage> textsTo(long chatId, Predicate<String> which) {
    return fake.sentTo(chatId).stream().filter(m -> m.text() != null && which.test(m.text())).toList();
  }

  /** Waits for a text message to {@code chatId} that contains {@code fragment}; returns it. */
  String awaitText(long chatId, String fragment) {
    return fake.awaitSent(m -> m.chatId() == chatId && m.text() != null && m.text().contains(fragment), WAIT).text();
  }

  // ---- what the ledger holds ----

  long playerOf(long telegramId) {
    return Await.value("telegram user " + telegramId + " has a player", () -> service.sql.queryLong(
        "SELECT coalesce(max(player_id), 0) FROM telegram_identities WHERE telegram_id = ?", telegramId), id -> id > 0);
  }

  long xpOf(long telegramId) {
    return service.sql.queryLong("SELECT p.xp FROM players p JOIN telegram_identities t ON t.player_id = p.id "
        + "WHERE t.telegram_id = ?", telegramId);
  }

  long balanceOf(long telegramId) {
    return service.sql.queryLong("SELECT p.balance FROM players p JOIN telegram_identities t ON t.player_id = p.id "
        + "WHERE t.telegram_id = ?", telegramId);
  }

  long transactionsWithKey(String key) {
    return service.sql.queryLong("SELECT count(*) FROM transactions WHERE idempotency_key = ?", key);
  }

  long transactionsOf(long telegramId) {
    return service.sql.queryLong("SELECT count(*) FROM transactions tr JOIN telegram_identities t "
        + "ON t.player_id = tr.player_id WHERE t.telegram_id = ?", telegramId);
  }

  /** Waits until the player's XP is {@code xp} (events are applied by the engine's worker, not at submit). */
  void awaitXp(long telegramId, long xp) {
    Await.until("telegram user " + telegramId + " has " + xp + " XP (now " + xpOf(telegramId) + ")",
        () -> xpOf(telegramId) == xp, WAIT);
  }

  /**
   * Waits until every ledger change queued for the player was applied. Not the whole queue: effects
   * for Discord wait there for good in these tests, as no Discord bot is deployed.
   */
  void awaitApplied(long telegramId) {
    long player = playerOf(telegramId);
    Await.until("events of telegram user " + telegramId + " applied", () -> service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE player_id = ? AND applied_at IS NULL "
            + "AND status IN ('pending', 'processing')", player) == 0, WAIT);
  }

  // ---- restarting the bot alone ----

  /** The deployment of the Telegram bot that {@code App} made. */
  String telegramDeploymentId() {
    for (DeploymentContext deployment : ((VertxInternal) service.vertx).deploymentManager().deployments()) {
      if (deployment.deployment().instances().stream().anyMatch(TelegramBotVerticle.class::isInstance)) {
        return deployment.id();
      }
    }
    throw new AssertionError("no TelegramBotVerticle deployed; is telegram.token set?");
  }
}
