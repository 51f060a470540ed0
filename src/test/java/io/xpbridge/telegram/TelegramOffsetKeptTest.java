package io.xpbridge.telegram;

import static io.xpbridge.telegram.TelegramEndToEndSupport.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The poller keeps its confirmed offset in the database (issue 17): a poller started later (on this
 * node or, in a cluster, on the next owner) continues from it even when Telegram would hand the
 * handled updates out again.
 */
class TelegramOffsetKeptTest {
  static TelegramEndToEndSupport e2e;
  static FakeTelegram fake;

  @BeforeAll
  static void start() {
    e2e = TelegramEndToEndSupport.start(TelegramOffsetKeptTest.class, UnaryOperator.identity());
    fake = e2e.fake;
  }

  @AfterAll
  static void stop() {
    if (e2e != null) {
      e2e.close();
    }
  }

  @Test
  void aNewPollerStartsFromTheOffsetKeptInTheDatabase() {
    // Telegram (the fake) would give every update again to a poller that asks from the start.
    fake.keepConfirmedUpdates(true);
    TgUser user = TgUser.english(4001);
    FakeTelegram.Enqueued daily = fake.enqueueText(user, "/daily");
    e2e.awaitText(4001, "Daily reward");
    Await.until("the offset past /daily is kept", () -> e2e.service.sql.queryLong(
        "SELECT coalesce(max(confirmed_offset), 0) FROM telegram_offsets") == daily.updateId() + 1, WAIT);

    Await.result(e2e.service.vertx.undeploy(e2e.telegramDeploymentId()));
    int pollsBefore = fake.calls("getUpdates").size();
    Await.result(e2e.service.vertx.deployVerticle(new TelegramBotVerticle(), e2e.service.options()));
    Await.until("the new poller polls", () -> fake.calls("getUpdates").size() > pollsBefore, WAIT);
    List<FakeTelegram.Call> polls = fake.calls("getUpdates").subList(pollsBefore, fake.calls("getUpdates").size());
    assertEquals(daily.updateId() + 1, polls.get(0).body().getInteger("offset"),
        "the new poller's first getUpdates starts after the handled update");

    // A later command is handled; the old one is not seen again (no "already claimed").
    FakeTelegram.Enqueued help = fake.enqueueText(user, "/help");
    Await.until("/help answered", () -> fake.sentTo(4001).size() >= 2, WAIT);
    Await.until("the offset past /help is kept", () -> e2e.service.sql.queryLong(
        "SELECT max(confirmed_offset) FROM telegram_offsets") == help.updateId() + 1, WAIT);
    assertEquals(2, fake.sentTo(4001).size(), "one answer to /daily, one to /help: " + fake.sentTo(4001));
  }

  /** Telegram numbers updates afresh (at random) after a week without any: an older kept offset is not used. */
  @Test
  void anOffsetKeptLongerThanSixDaysAgoIsNotTrusted() {
    Await.result(e2e.service.vertx.undeploy(e2e.telegramDeploymentId()));
    e2e.service.sql.execute("INSERT INTO telegram_offsets (bot_id, confirmed_offset, updated_at) "
        + "VALUES (" + TelegramBotVerticle.botId(fake.token()) + ", 1000000, now() - interval '7 days') "
        + "ON CONFLICT (bot_id) DO UPDATE SET confirmed_offset = 1000000, updated_at = now() - interval '7 days'");
    int pollsBefore = fake.calls("getUpdates").size();
    Await.result(e2e.service.vertx.deployVerticle(new TelegramBotVerticle(), e2e.service.options()));
    Await.until("the new poller polls", () -> fake.calls("getUpdates").size() > pollsBefore, WAIT);
    assertTrue(fake.calls("getUpdates").get(pollsBefore).body().getInteger("offset", 0) < 1_000_000,
        "the stale offset is not sent");

    FakeTelegram.Enqueued help = fake.enqueueText(TgUser.english(4002), "/help");
    e2e.awaitText(4002, "/");
    Await.until("the fresh offset replaces the stale one", () -> e2e.service.sql.queryLong(
        "SELECT confirmed_offset FROM telegram_offsets") == help.updateId() + 1, WAIT);
  }
}
