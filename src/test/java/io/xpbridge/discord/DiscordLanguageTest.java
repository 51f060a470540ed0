package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.fake.discord.RestCall;
import io.xpbridge.support.Await;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: Discord answers in the caller's language (the interaction's {@code locale}: {@code ru}
 * Russian, anything else English), rank and achievement names from the config's {@code {ru, en}},
 * commands registered with {@code ru} localizations. The real JDA against the fake Discord, the
 * real service on PostgreSQL. Ranks: 3 "Ефрейтор"/"Lance Corporal" from 460 XP, 4 "Младший
 * сержант"/"Junior Sergeant" from 885.
 */
class DiscordLanguageTest extends DiscordEndToEndBase {
  private static final String DISCORD_NAME = "^[-_\\p{L}\\p{N}]{1,32}$";

  @Test
  void profileAnswersInRussianForRuAndInEnglishForEnUs() throws Exception {
    long olga = player("olga", 500);

    String ru = invoke(olga, "profile", Map.of(), "ru").visibleText();
    String en = invoke(olga, "profile", Map.of(), "en-US").visibleText();

    for (String expected : new String[] {"Профиль olga", "Опыт: 500", "Звание: 3/", "Ефрейтор",
        "385 опыта до звания Младший сержант", "Баланс", "Достижения: • Первые шаги"}) {
      assertTrue(ru.contains(expected), "missing \"" + expected + "\" in: " + ru);
    }
    assertFalse(ru.contains("Lance Corporal") || ru.contains("First steps") || ru.contains("Balance"), ru);
    for (String expected : new String[] {"Profile of olga", "XP: 500", "Rank: 3/", "Lance Corporal",
        "385 XP to Junior Sergeant", "Balance", "Achievements: • First steps"}) {
      assertTrue(en.contains(expected), "missing \"" + expected + "\" in: " + en);
    }
    assertFalse(en.contains("Ефрейтор") || en.contains("Первые шаги"), en);
  }

  @Test
  void profileWithoutAPlayerExplainsInRussianWithTheRussianCommandName() throws Exception {
    long nobody = fake.addMember("nobody");

    InteractionReply ru = invoke(nobody, "profile", Map.of(), "ru");
    InteractionReply en = invoke(nobody, "profile", Map.of(), "en-US");

    assertTrue(ru.content().startsWith("У вас ещё нет профиля.") && ru.content().contains("/привязать"),
        ru.content());
    assertTrue(en.content().startsWith("You have no profile yet.") && en.content().contains("/link"), en.content());
  }

  @Test
  void topAnswersInTheCallersLanguageWithRankNamesFromTheConfig() throws Exception {
    long pasha = player("pasha", 470);
    Await.until("pasha on the all-time leaderboard", () -> service.request(Bus.PLAYERS_TOP,
            new JsonObject().put("limit", 10).put("season", "all")).getJsonArray("entries").stream()
        .anyMatch(entry -> "pasha".equals(((JsonObject) entry).getString("displayName"))));

    InteractionReply ru = invoke(pasha, "top", Map.of("period", "all"), "ru");
    InteractionReply en = invoke(pasha, "top", Map.of("period", "all"), "en-US");

    assertTrue(ru.visibleText().contains("Таблица лидеров — за всё время"), ru.visibleText());
    assertTrue(ru.visibleText().contains(" pasha — 470 опыта (Ефрейтор)"), ru.visibleText());
    assertTrue(footer(ru).startsWith("Ваше место: #") && footer(ru).contains("этот сезон: /топ"), footer(ru));
    assertTrue(en.visibleText().contains("Leaderboard — all time"), en.visibleText());
    assertTrue(en.visibleText().contains(" pasha — 470 XP (Lance Corporal)"), en.visibleText());
    assertTrue(footer(en).startsWith("Your place: #") && footer(en).contains("this season: /top"), footer(en));
  }

  @Test
  void linkWithABadCodeIsRefusedInRussianForRuAndInEnglishForEnUs() throws Exception {
    long roma = player("roma", 10);

    InteractionReply ru = invoke(roma, "link", Map.of("code", "NOSUCH12"), "ru");
    InteractionReply en = invoke(roma, "link", Map.of("code", "NOSUCH12"), "en-US");

    assertTrue(ru.ephemeral() && en.ephemeral());
    assertEquals("Этот код неизвестен, уже использован или истёк. Получите новый командой /привязать.",
        ru.content());
    assertEquals("This code is unknown, already used or expired. Ask for a new one with /link.", en.content());
  }

  @Test
  void aLocaleWithoutTextsGetsEnglish() throws Exception {
    long klaus = player("klaus", 500);

    InteractionReply link = invoke(klaus, "link", Map.of("code", "NOSUCH34"), "de");
    InteractionReply profile = invoke(klaus, "profile", Map.of(), "de");

    assertEquals("This code is unknown, already used or expired. Ask for a new one with /link.", link.content());
    assertTrue(profile.visibleText().contains("Lance Corporal") && profile.visibleText().contains("Profile of klaus"),
        profile.visibleText());
  }

  @Test
  void everyCommandOptionAndChoiceIsRegisteredWithRussianNamesAndDescriptions() {
    List<RestCall> registrations = fake.restCalls(call -> call.is("PUT", "/commands"));
    assertFalse(registrations.isEmpty(), "no command registration");
    JsonArray commands = new JsonArray(registrations.get(registrations.size() - 1).body());
    assertEquals(List.of("link", "privacy", "profile", "rank", "sync", "top", "unlink"),
        commands.stream().map(c -> ((JsonObject) c).getString("name")).sorted().toList());

    for (Object c : commands) {
      JsonObject command = (JsonObject) c;
      assertLocalized(command, "/" + command.getString("name"));
      for (Object o : command.getJsonArray("options", new JsonArray())) {
        JsonObject option = (JsonObject) o;
        assertLocalized(option, "/" + command.getString("name") + " " + option.getString("name"));
        for (Object ch : option.getJsonArray("choices", new JsonArray())) {
          JsonObject choice = (JsonObject) ch;
          String ruName = choice.getJsonObject("name_localizations", new JsonObject()).getString("ru");
          assertTrue(ruName != null && !ruName.isBlank() && !ruName.equals(choice.getString("name")),
              "choice " + choice.getString("name") + " has no Russian name: " + choice.encode());
        }
      }
    }
    assertEquals("топ", ruName(commands, "top"));
    assertEquals("ранг", ruName(commands, "rank"));
    assertEquals("привязать", ruName(commands, "link"));
    assertEquals("профиль", ruName(commands, "profile"));
    assertEquals("приватность", ruName(commands, "privacy"));
  }

  /** A {@code ru} name valid for Discord (lowercase, letters, digits, dashes) and a {@code ru} description. */
  private static void assertLocalized(JsonObject named, String what) {
    String name = named.getJsonObject("name_localizations", new JsonObject()).getString("ru");
    String description = named.getJsonObject("description_localizations", new JsonObject()).getString("ru");
    assertTrue(name != null && name.matches(DISCORD_NAME) && name.equals(name.toLowerCase())
        && !name.equals(named.getString("name")), what + " has no valid Russian name: " + named.encode());
    assertTrue(description != null && !description.isBlank() && description.length() <= 100,
        what + " has no Russian description: " + named.encode());
    assertNotEquals(named.getString("description"), description, what);
  }

  private static String ruName(JsonArray commands, String name) {
    return commands.stream().map(JsonObject.class::cast).filter(c -> name.equals(c.getString("name")))
        .findFirst().orElseThrow().getJsonObject("name_localizations").getString("ru");
  }

  /** A Discord member whose player has {@code xp} in the ledger, earned through the engine. */
  private static long player(String name, long xp) {
    long discordId = fake.addMember(name);
    service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("discordId", discordId).put("username", name));
    seed(discordId, xp);
    return discordId;
  }

  private static InteractionReply invoke(long member, String command, Map<String, Object> options, String locale)
      throws Exception {
    return TestGuild.get(fake.invokeSlashCommand(member, command, options, locale));
  }

  private static String footer(InteractionReply reply) {
    return reply.embeds().getJsonObject(0).getJsonObject("footer").getString("text");
  }
}
