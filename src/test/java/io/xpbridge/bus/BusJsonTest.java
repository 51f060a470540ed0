package io.xpbridge.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.EventType;
import io.xpbridge.domain.Platform;
import io.xpbridge.domain.PlayerRef;
import io.xpbridge.domain.SubmitRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records of {@code bus} on the wire: the JSON shapes {@link Bus} documents, both ways. */
class BusJsonTest {

  @Test
  void aSubmitEventIsReadByTheEnginesParserAsTheSameEvent() {
    SubmitEvent event = SubmitEvent.of(Platform.TELEGRAM, EventType.XP_CHANGE,
            new PlayerRef(PlayerRef.Kind.TELEGRAM, 42), "tg_game_42_7_42")
        .xp(20).balance(0).entity("tg_dice_42_8").reason("dice")
        .data(new JsonObject().put("value", 4)).build();

    JsonObject wire = BusJson.encode(event).copy();
    SubmitRequest parsed = SubmitMessage.parse(wire);

    assertEquals(Platform.TELEGRAM, parsed.source());
    assertEquals(EventType.XP_CHANGE, parsed.type());
    assertEquals(new PlayerRef(PlayerRef.Kind.TELEGRAM, 42), parsed.player());
    assertEquals(20, parsed.xpDelta());
    assertEquals(0L, wire.getLong("balance"), "a zero delta is still sent");
    assertEquals("tg_game_42_7_42", parsed.idempotencyKey());
    assertEquals(4, new JsonObject(parsed.payloadJson()).getJsonObject("data").getInteger("value"));
    assertFalse(wire.containsKey("discordId"), "absent fields are left out, not sent as null");
  }

  @Test
  void aSubmitReplyReadsItsStatusAndAnEngineThatSendsNoneLeavesItEmpty() {
    SubmitReply failed = BusJson.decode(new JsonObject().put("eventId", 9).put("duplicate", false)
        .put("status", "failed").put("error", "balance would go below zero"), SubmitReply.class);
    assertTrue(failed.refused());
    assertEquals("failed", BusJson.encode(failed).getString("status"));
    assertNull(BusJson.decode(new JsonObject().put("eventId", 9).put("duplicate", true), SubmitReply.class).status());
  }

  @Test
  void aProfileKeepsAnExplicitNullNextRankAndNestedRecordsSurviveABusHop() {
    Players.Profile top = new Players.Profile(1, 30_000, 5, new Players.RankView(20, "Marshal", 25_000L), null, 0, 20,
        List.of(new Players.AchievementView("first_steps", "First steps", "2026-01-01T00:00:00Z")), 7L, null,
        true, false, 3, "2026-01-01", "ivan");

    JsonObject wire = BusJson.encode(top).copy();

    assertTrue(wire.containsKey("nextRank") && wire.getValue("nextRank") == null, wire.encode());
    assertEquals("Marshal", wire.getJsonObject("rank").getString("name"));
    assertEquals(top, BusJson.decode(wire, Players.Profile.class));
  }

  @Test
  void idsSentAsStringsAreReadAndAWrongTypeNamesTheField() {
    Platforms.DiscordEffect effect = BusJson.decode(new JsonObject().put("eventId", 1).put("kind", "rank_role")
        .put("discordId", "123456789012345678").put("rank", new JsonObject().put("number", 2).put("roleId", "55"))
        .put("rankRoleIds", new JsonArray().add("55").add(56)), Platforms.DiscordEffect.class);
    assertEquals(123456789012345678L, effect.discordId());
    assertEquals(55L, effect.rank().roleId());
    assertEquals(List.of(55L, 56L), effect.rankRoleIds());

    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
        () -> BusJson.decode(new JsonObject().put("discordId", "abc"), Links.Account.class));
    assertTrue(wrong.getMessage().startsWith("'discordId': "), wrong.getMessage());
  }

  @Test
  void aRequestNamesExactlyOnePlayerWithPositiveIds() {
    assertEquals(new PlayerRef(PlayerRef.Kind.DISCORD, 5), Links.Account.discord(5).ref());
    assertThrows(RuntimeException.class, () -> new Links.Account(1L, 2L).ref());
    assertThrows(RuntimeException.class, () -> new Links.Account(null, null).ref());
    assertThrows(RuntimeException.class, () -> Players.ProfileQuery.player(-3).ref());
  }
}
