package io.xpbridge.telegram;

import static io.xpbridge.telegram.TelegramEndToEndSupport.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.domain.IdempotencyKeys;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bot handled updates but its offset confirm was lost (crash, network): after a restart
 * Telegram delivers the very same updates (same update_id, same message) again. Its own class
 * because the fake keeps confirmed updates here, which would replay every other test's commands.
 */
class TelegramEndToEndRedeliveryTest {

  static TelegramEndToEndSupport e2e;
  static FakeTelegram fake;

  @BeforeAll
  static void start() {
    e2e = TelegramEndToEndSupport.start(TelegramEndToEndRedeliveryTest.class, UnaryOperator.identity());
    fake = e2e.fake;
  }

  @AfterAll
  static void stop() {
    if (e2e != null) {
      e2e.close();
    }
  }

  @Test
  void updatesRedeliveredAfterALostOffsetConfirmPayOnce() {
    fake.keepConfirmedUpdates(true);
    fake.scriptDice(4, 2);
    TgUser user = TgUser.english(3001);
    FakeTelegram.Enqueued daily = fake.enqueueText(user, "/daily");
    FakeTelegram.Enqueued play = fake.enqueueText(user, "/play");
    e2e.awaitText(3001, "Daily reward: +50 XP");
    e2e.awaitText(3001, "You got 4");
    fake.awaitConfirmed(play.updateId() + 1, WAIT);
    e2e.awaitXp(3001, 50 + 20);

    // The old bot goes away; a new one starts polling from scratch and gets both updates again.
    Await.result(e2e.service.vertx.undeploy(e2e.telegramDeploymentId()));
    // The offset the service keeps in its database (issue 17) is lost too: a crash between handling
    // the updates and keeping their offset.
    e2e.service.sql.execute("DELETE FROM telegram_offsets");
    int pollsBefore = fake.calls("getUpdates").size();
    Await.result(e2e.service.vertx.deployVerticle(new TelegramBotVerticle(), e2e.service.options()));

    e2e.awaitText(3001, "already claimed");
    e2e.awaitText(3001, "already counted");
    assertTrue(fake.calls("getUpdates").subList(pollsBefore, fake.calls("getUpdates").size()).stream()
        .anyMatch(c -> c.body().getInteger("offset", 0) <= daily.updateId()), "the new bot asked for the old updates");
    e2e.awaitApplied(3001);
    assertEquals(70, e2e.xpOf(3001), "daily 50 + dice 4 x 5, each once");
    assertEquals(100 + 8, e2e.balanceOf(3001));
    assertEquals(1, e2e.transactionsWithKey(IdempotencyKeys.game(3001, play.messageId(), 3001)));
    assertEquals(2, e2e.transactionsOf(3001));
    List<FakeTelegram.SentMessage> rolls = fake.sentTo(3001).stream().filter(m -> m.dice() != null).toList();
    assertEquals(2, rolls.size(), "Telegram rolls again for the re-delivered /play, but that roll pays nothing");
  }
}
