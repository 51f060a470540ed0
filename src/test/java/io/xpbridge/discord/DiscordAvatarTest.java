package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.Snowflakes;
import io.xpbridge.support.Await;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The public pages show a member's Discord avatar: the real JDA reads it off the messages it pays for
 * (its effective avatar: the member's own, else Discord's default), and the engine stores it in
 * discord_identities.avatar_url only when it changes, never a statement per message.
 */
class DiscordAvatarTest extends DiscordEndToEndBase {
  private static String avatarOf(long discordId) {
    return service.sql.queryString("SELECT avatar_url FROM discord_identities WHERE discord_id = ?", discordId);
  }

  @Test
  void theAvatarIsStoredFromMessagesAndRefreshedWhenTheMemberChangesIt() {
    long gina = fake.addMember("gina", rank1);
    long first = fake.sendMessage(gina, general);
    Await.until("the first message is paid", () -> xpOf(gina) == MESSAGE_XP);
    assertTrue(avatarOf(gina).startsWith("https://cdn.discordapp.com/embed/avatars/"),
        "Discord's default avatar while the member has none: " + avatarOf(gina));

    fake.setAvatar(gina, "a1b2c3d4e5f6");
    awaitCooldownAfter(first);
    long second = fake.sendMessage(gina, general);
    Await.until("the new avatar is stored", () -> ("https://cdn.discordapp.com/avatars/" + gina + "/a1b2c3d4e5f6.png")
        .equals(avatarOf(gina)));

    AtomicInteger registrations = new AtomicInteger();
    Handler<DeliveryContext<Object>> counter = delivery -> {
      if (Bus.PLAYERS_REGISTER.equals(delivery.message().address())) {
        registrations.incrementAndGet();
      }
      delivery.next();
    };
    service.vertx.eventBus().addOutboundInterceptor(counter);
    try {
      awaitCooldownAfter(second);
      fake.sendMessage(gina, general);
      Await.until("the third message is paid", () -> xpOf(gina) == 3 * MESSAGE_XP);
      assertEquals(0, registrations.get(), "the same name and avatar cost no statement");
    } finally {
      service.vertx.eventBus().removeOutboundInterceptor(counter);
    }
  }

  private static void awaitCooldownAfter(long message) {
    Await.until("the cooldown is over", () -> System.currentTimeMillis()
        >= Snowflakes.timestampMs(message) + COOLDOWN_SECONDS * 1000);
  }
}
