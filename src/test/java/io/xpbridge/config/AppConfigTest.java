package io.xpbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.support.TestConfig;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole config is checked in one pass, and every problem names its field. */
class AppConfigTest {

  /** One bad value per section: {path, value, what the one problem must say}. */
  static Stream<Arguments> oneBadFieldPerSection() {
    return Stream.of(
        Arguments.of("sync.batchSize", 0, "sync.batchSize must be between 1 and 10000, got 0"),
        Arguments.of("sync.instances", 0, "sync.instances must be between 1 and 64, got 0"),
        Arguments.of("reconcile.intervalMs", "often", "reconcile.intervalMs must be a whole number, got often"),
        Arguments.of("cleanup.failedRetentionDays", -1, "cleanup.failedRetentionDays must be between 0 and 3650, got -1"),
        Arguments.of("link.codeLength", 3, "link.codeLength must be between 6 and 32, got 3"),
        Arguments.of("daily.timezone", "Mars/Olympus_Mons", "daily.timezone must be a time zone id"),
        Arguments.of("ranks[5].minXp", 1, "ranks[5].minXp must be greater than the previous rank's"),
        Arguments.of("ranks[2].minXp", 2.5, "ranks[2].minXp must be a whole number, got 2.5"),
        Arguments.of("achievements[1].rule.type", "sometimes", "achievements[1].rule.type must be one of"),
        Arguments.of("http.port", 70_000, "http.port must be between 0 and 65535, got 70000"),
        Arguments.of("http.botDisconnectGraceSeconds", 0,
            "http.botDisconnectGraceSeconds must be between 1 and 86400, got 0"),
        Arguments.of("db.poolSize", 0, "db.poolSize must be between 1 and 200, got 0"),
        Arguments.of("db.url", "mysql://h/db", "db.url / DATABASE_URL must start with postgresql://"),
        Arguments.of("telegram.games.cooldownSeconds", "x", "telegram.games.cooldownSeconds must be a whole number, got x"),
        Arguments.of("telegram.pollTimeoutSeconds", 0, "telegram.pollTimeoutSeconds must be between 1 and"),
        Arguments.of("telegram.games.emojis", new JsonArray().add("🎲").add(""), "telegram.games.emojis[1] must be a non-empty string"),
        Arguments.of("telegram.games.payouts.🎰.64.xp", -1, "telegram.games.payouts.🎰.64.xp must be at least 0, got -1"),
        Arguments.of("discord.messageXp", -3, "discord.messageXp must be at least 0, got -3"),
        Arguments.of("discord.voiceMinIntervalSeconds", 0, "discord.voiceMinIntervalSeconds must be at least 1, got 0"),
        Arguments.of("discord.guildId", "my-server", "discord.guildId must be a Discord id (digits), got my-server"),
        Arguments.of("discord.noXpChannelIds", new JsonArray().add("123").add("general"),
            "discord.noXpChannelIds[1] must be a Discord id (digits), got general"),
        Arguments.of("discord.announceChannelId", "#announcements",
            "discord.announceChannelId must be a Discord id (digits), got #announcements"),
        Arguments.of("discord.alertChannelId", "#alerts",
            "discord.alertChannelId must be a Discord id (digits), got #alerts"),
        Arguments.of("discord.announceLocale", "de", "discord.announceLocale must be one of ru, en, got de"),
        Arguments.of("economy.maxMultiplier", -1, "economy.maxMultiplier must be between 0.0 and 100.0, got -1"),
        Arguments.of("economy.hourlyXpCap", -1, "economy.hourlyXpCap must be between 0 and 1000000000, got -1"),
        Arguments.of("economy.multipliers.global", "double", "economy.multipliers.global must be a number, got double"),
        Arguments.of("economy.multipliers.discordRoles", new JsonObject().put("vip", 2),
            "economy.multipliers.discordRoles.vip: the key must be a chat, channel or role id"),
        Arguments.of("economy.multipliers.telegramChats", new JsonObject().put("-100", -0.5),
            "economy.multipliers.telegramChats.-100 must be between 0.0 and 100.0, got -0.5"),
        Arguments.of("economy.boosts", new JsonArray().add(new JsonObject().put("name", "x")
                .put("from", "2026-12-05T00:00:00Z").put("to", "2026-12-04T00:00:00Z").put("multiplier", 2)),
            "economy.boosts[0].to must be after economy.boosts[0].from"),
        Arguments.of("seasons.autoRollover", "daily", "seasons.autoRollover must be none, weekly or monthly, got daily"),
        Arguments.of("seasons.checkIntervalSeconds", 0, "seasons.checkIntervalSeconds must be between 1 and 3600, got 0"),
        Arguments.of("seasons.rewards", new JsonArray().add(new JsonObject().put("top", 0).put("coins", 5)),
            "seasons.rewards[0].top must be between 1 and 1000, got 0"),
        Arguments.of("web.enabled", "yes", "web.enabled must be true or false, got yes"),
        Arguments.of("web.publicBaseUrl", "ftp://xp.example.org", "web.publicBaseUrl must be an absolute http(s) URL"),
        Arguments.of("web.publicApiBurst", 0, "web.publicApiBurst must be between 1 and 100000, got 0"),
        Arguments.of("web.publicApiRatePerSecond", 0, "web.publicApiRatePerSecond must be between 0.01 and"),
        Arguments.of("log.level", "LOUD", "log.level must be one of TRACE, DEBUG, INFO, WARN, ERROR, got LOUD"),
        Arguments.of("sync", 5, "sync must be an object, got 5"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("oneBadFieldPerSection")
  void oneBadFieldIsRejectedWithExactlyOneProblemNamingIt(String path, Object value, String expected) {
    List<String> problems = problems(with(TestConfig.shipped(), path, value));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(expected), problems.get(0));
  }

  @Test
  void everyBadFieldIsNamedInOneException() {
    JsonObject config = TestConfig.shipped();
    List<Arguments> bad = oneBadFieldPerSection()
        .filter(a -> !a.get()[0].equals("sync")).toList();
    bad.forEach(a -> with(config, (String) a.get()[0], a.get()[1]));

    InvalidConfigException rejected = assertThrows(InvalidConfigException.class, () -> AppConfig.parse(config));
    assertEquals(bad.size(), rejected.problems().size(), rejected.problems().toString());
    for (Arguments a : bad) {
      assertTrue(rejected.problems().stream().anyMatch(p -> p.startsWith((String) a.get()[2])),
          a.get()[2] + " missing from " + rejected.problems());
      assertTrue(rejected.getMessage().contains((String) a.get()[2]), rejected.getMessage());
    }
  }

  @Test
  void twoBadFieldsInOneSectionAreBothNamed() {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("discord").put("messageXp", -1).put("voiceXpPerMinute", "lots");
    assertEquals(List.of("discord.messageXp must be at least 0, got -1",
        "discord.voiceXpPerMinute must be a whole number, got lots"), problems(config));
  }

  @Test
  void aLadderProblemDoesNotHideTheOthers() {
    JsonObject config = TestConfig.shipped();
    config.getJsonArray("ranks").getJsonObject(0).put("minXp", 5);
    config.getJsonArray("ranks").getJsonObject(3).remove("minXp");
    config.getJsonArray("ranks").getJsonObject(4).getJsonObject("name").remove("en");
    config.getJsonArray("ranks").getJsonObject(7).put("number", 3);
    assertEquals(List.of("ranks[0].minXp must be 0: every player starts at the first rank",
        "ranks[3].minXp is required", "ranks[4].name.en is required",
        "ranks[7].number must be 8 (ranks are listed in order), got 3"), problems(config));
  }

  @Test
  void withoutRanksTheConfigIsRejected() {
    JsonObject config = TestConfig.shipped();
    config.remove("ranks");
    assertEquals(List.of("ranks must list at least one rank"), problems(config));
    config.put("ranks", "none");
    assertEquals(List.of("ranks must be an array, got none"), problems(config));
  }

  @Test
  void theShippedConfigParsesToItsValues() {
    AppConfig config = AppConfig.parse(TestConfig.shipped());
    assertEquals(20, config.gameRules().ladder().size());
    assertEquals(6, config.gameRules().achievements().size());
    assertEquals(100, config.sync().batchSize());
    assertEquals(1, config.sync().instances());
    assertEquals(List.of("🎲", "🎯", "🏀", "⚽", "🎳", "🎰"), config.telegram().games().emojis());
    assertEquals("https://api.telegram.org", config.telegram().apiUrl());
    assertEquals(15, config.discord().messageXp());
    assertEquals(30, config.http().botDisconnectGraceSeconds());
    assertEquals("INFO", config.logLevel());
  }

  @Test
  void thePublicWebIsOnByDefaultWithoutABaseUrlAndTakesOneWithoutItsTrailingSlash() {
    JsonObject config = TestConfig.shipped();
    config.remove("web");
    WebSettings defaults = AppConfig.parse(config).web();
    assertTrue(defaults.enabled());
    assertEquals("xpbridge", defaults.title());
    assertNull(defaults.publicBaseUrl());
    assertEquals(10.0, defaults.publicApiRatePerSecond());
    assertEquals(20, defaults.publicApiBurst());

    config.put("web", new JsonObject().put("enabled", false).put("title", "Наш клуб")
        .put("publicBaseUrl", "https://xp.example.org/club/"));
    WebSettings set = AppConfig.parse(config).web();
    assertFalse(set.enabled());
    assertEquals("Наш клуб", set.title());
    assertEquals("https://xp.example.org/club", set.publicBaseUrl());

    config.put("web", new JsonObject().put("publicBaseUrl", "xp.example.org"));
    assertEquals(List.of("web.publicBaseUrl must be an absolute http(s) URL without query, like "
        + "https://xp.example.org, got xp.example.org"), problems(config));
  }

  @Test
  void turningThePublicWebOnOrOffWaitsForARestartButItsTitleAppliesLive() {
    JsonObject start = TestConfig.shipped();
    JsonObject edited = TestConfig.shipped();
    edited.put("web", new JsonObject().put("enabled", false).put("title", "New"));
    AppConfig running = AppConfig.parse(start);
    AppConfig next = AppConfig.parse(edited);
    assertTrue(RestartOnly.changed(running, next).contains("web.enabled"));
    AppConfig applied = RestartOnly.keep(next, running);
    assertTrue(applied.web().enabled());
    assertEquals("New", applied.web().title());
  }

  @Test
  void theTelegramBotDatesDailyRewardsInTheDailyZoneWhoseOneDefaultIsMoscow() {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("daily").remove("timezone");
    AppConfig parsed = AppConfig.parse(config);
    assertEquals(ZoneId.of("Europe/Moscow"), parsed.daily().timezone());
    assertEquals(parsed.daily().timezone(), parsed.telegram().dailyZone());

    config.getJsonObject("daily").put("timezone", "Asia/Tokyo");
    assertEquals(ZoneId.of("Asia/Tokyo"), AppConfig.parse(config).telegram().dailyZone());
  }

  @Test
  void missingBotSectionsTakeTheirDefaults() {
    JsonObject config = TestConfig.shipped();
    config.remove("telegram");
    config.remove("discord");
    AppConfig parsed = AppConfig.parse(config);
    assertFalse(parsed.telegram().hasToken());
    assertEquals(30, parsed.telegram().pollTimeoutSeconds());
    assertEquals(List.of("🎲"), parsed.telegram().games().emojis());
    assertEquals(3_000, parsed.telegram().games().resultDelayMs());
    assertEquals(12_000, parsed.telegram().effectDeadlineMs(), "80 % of sync.effectTimeoutMs");
    assertFalse(parsed.discord().hasToken());
    assertEquals(60, parsed.discord().messageCooldownSeconds());
    assertEquals(60, parsed.discord().readyTimeoutSeconds());
  }

  @Test
  void discordIdsAndTokensFromTheEnvironmentAreTrimmed() {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("discord").put("token", " abc.def \n").put("guildId", " 1234567890123 ");
    AppConfig parsed = AppConfig.parse(config);
    assertEquals("abc.def", parsed.discord().token());
    assertEquals(1234567890123L, parsed.discord().guildId());
  }

  @Test
  void seasonAnnouncementsAreOffByDefaultInRussianAndTakeTheChannelAsStringOrNumber() {
    AppConfig shipped = AppConfig.parse(TestConfig.shipped());
    assertEquals(null, shipped.discord().announceChannelId());
    assertEquals("ru", shipped.discord().announceLocale());

    JsonObject config = TestConfig.shipped();
    config.getJsonObject("discord").put("announceChannelId", " 1234567890123456789 ").put("announceLocale", "en");
    assertEquals(1234567890123456789L, AppConfig.parse(config).discord().announceChannelId());
    assertEquals("en", AppConfig.parse(config).discord().announceLocale());
    config.getJsonObject("discord").put("announceChannelId", 987654321098765432L);
    assertEquals(987654321098765432L, AppConfig.parse(config).discord().announceChannelId());
  }

  @Test
  void setupAlertsAreOffByDefaultAndTakeTheChannelAsStringOrNumber() {
    assertEquals(null, AppConfig.parse(TestConfig.shipped()).discord().alertChannelId());
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("discord").put("alertChannelId", " 1234567890123456789 ");
    assertEquals(1234567890123456789L, AppConfig.parse(config).discord().alertChannelId());
    config.getJsonObject("discord").put("alertChannelId", 987654321098765432L);
    assertEquals(987654321098765432L, AppConfig.parse(config).discord().alertChannelId());
  }

  @Test
  void aLiveChangeKeepsTheRunningRestartOnlyValuesAndNamesTheEditedOnes() {
    JsonObject start = TestConfig.shipped();
    start.getJsonObject("http").put("port", 8080);
    start.getJsonObject("discord").put("token", "running-token").put("guildId", "42");
    AppConfig running = AppConfig.parse(start);
    JsonObject edited = start.copy();
    edited.getJsonObject("http").put("port", 9090).put("adminToken", "new-admin")
        .put("botDisconnectGraceSeconds", 5);
    edited.getJsonObject("sync").put("instances", 3).put("batchSize", 7);
    edited.getJsonObject("discord").put("token", "other-token").put("messageXp", 40).put("announceChannelId", "77")
        .put("alertChannelId", 78);
    edited.getJsonObject("db").put("poolSize", 2);
    AppConfig next = AppConfig.parse(edited);

    assertEquals(List.of("db", "http.port", "sync.instances", "discord.token"), RestartOnly.changed(running, next));
    AppConfig applied = RestartOnly.keep(next, running);
    assertEquals(running.db(), applied.db());
    assertEquals(8080, applied.http().port());
    assertEquals("new-admin", applied.http().adminToken());
    assertEquals(5, applied.http().botDisconnectGraceSeconds());
    assertEquals(1, applied.sync().instances());
    assertEquals(7, applied.sync().batchSize());
    assertEquals("running-token", applied.discord().token());
    assertEquals(40, applied.discord().messageXp());
    assertEquals(77L, applied.discord().announceChannelId(), "the announce channel applies live");
    assertEquals(78L, applied.discord().alertChannelId(), "the alert channel applies live");
    assertEquals(List.of(), RestartOnly.changed(running, applied));
  }

  /** Every problem {@link AppConfig#parse} finds in {@code config}; empty when it is valid. */
  static List<String> problems(JsonObject config) {
    try {
      AppConfig.parse(config);
      return List.of();
    } catch (InvalidConfigException e) {
      return e.problems();
    }
  }

  /** Sets {@code path} (dotted, with {@code [i]} for list elements) in {@code root}; returns root. */
  static JsonObject with(JsonObject root, String path, Object value) {
    String[] parts = path.split("\\.");
    Object node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = step(node, parts[i]);
    }
    String last = parts[parts.length - 1];
    if (last.endsWith("]")) {
      int open = last.indexOf('[');
      ((JsonObject) node).getJsonArray(last.substring(0, open))
          .set(Integer.parseInt(last.substring(open + 1, last.length() - 1)), value);
    } else {
      ((JsonObject) node).put(last, value);
    }
    return root;
  }

  private static Object step(Object node, String part) {
    if (part.endsWith("]")) {
      int open = part.indexOf('[');
      return ((JsonObject) node).getJsonArray(part.substring(0, open))
          .getValue(Integer.parseInt(part.substring(open + 1, part.length() - 1)));
    }
    return ((JsonObject) node).getJsonObject(part);
  }

  @Test
  void aKeyNoSettingReadsIsRejectedWithTheSettingItWasProbablyMeantToBe() {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("sync").put("batchSizee", 500);
    config.getJsonArray("ranks").getJsonObject(3).put("minXP", 5);
    config.put("telegramm", new JsonObject());

    List<String> problems = problems(config);

    assertEquals(List.of(
        "unknown key sync.batchSizee (did you mean sync.batchSize?): no setting has that name",
        "unknown key ranks[3].minXP (did you mean ranks[3].minXp?): no setting has that name",
        "unknown key telegramm (did you mean telegram?): no setting has that name"),
        problems.stream().sorted((a, b) -> Integer.compare(order(a), order(b))).toList());
  }

  private static int order(String problem) {
    return problem.contains("sync.") ? 0 : problem.contains("ranks") ? 1 : 2;
  }

  @Test
  void theShippedConfigHasNoUnknownKey() {
    assertEquals(List.of(), problems(TestConfig.shipped()));
  }

  @Test
  void aConfigFileThatIsNotJsonOrGivesAKeyTwiceIsUnreadableWithTheReason() {
    StrictJsonFormat format = new StrictJsonFormat();
    JsonObject store = new JsonObject().put("path", "conf/config.json");
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      JsonObject twice = io.xpbridge.support.Await.result(format.process(vertx, store,
          io.vertx.core.buffer.Buffer.buffer("{\"sync\": {\"batchSize\": 1, \"batchSize\": 999999}}")));
      assertTrue(StrictJsonFormat.unreadable(twice).orElse("").contains("Duplicate field 'batchSize'"), twice.encode());
      JsonObject broken = io.xpbridge.support.Await.result(format.process(vertx, store,
          io.vertx.core.buffer.Buffer.buffer("{\"sync\": {\n  \"batchSize\": 1,,\n}")));
      String why = StrictJsonFormat.unreadable(broken).orElse("");
      assertTrue(why.startsWith("conf/config.json is not valid JSON: ") && why.contains("line 2"), why);
      assertFalse(why.contains("\n"), "one line");
      JsonObject fine = io.xpbridge.support.Await.result(format.process(vertx, store,
          io.vertx.core.buffer.Buffer.buffer("{\"sync\": {\"batchSize\": 7}}")));
      assertEquals(7, fine.getJsonObject("sync").getInteger("batchSize"));
    } finally {
      io.xpbridge.support.Await.result(vertx.close());
    }
  }

  static Stream<Arguments> badSeasonRewards() {
    return Stream.of(
        Arguments.of(new JsonArray().add(new JsonObject().put("top", 1).put("achievement", "nope")),
            "seasons.rewards[0].achievement 'nope' is not one of the configured achievements"),
        Arguments.of(new JsonArray().add(new JsonObject().put("top", 1)),
            "seasons.rewards[0] gives nothing: set coins, achievement or both"),
        Arguments.of(new JsonArray().add(new JsonObject().put("top", 3).put("coins", 1))
            .add(new JsonObject().put("top", 3).put("coins", 2)), "seasons.rewards[1].top 3 is given twice"),
        Arguments.of(new JsonArray().add(new JsonObject().put("coins", 2)),
            "seasons.rewards[0].top is required: the places (1 to 1000) this reward is for"),
        Arguments.of(new JsonArray().add(new JsonObject().put("top", 1).put("coins", -5)),
            "seasons.rewards[0].coins must be between 0 and 1000000000, got -5"),
        Arguments.of(new JsonArray().add("first"), "seasons.rewards[0] must be an object {top, coins, achievement}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSeasonRewards")
  void aBadSeasonRewardIsOneProblemNamingIt(JsonArray rewards, String expected) {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("seasons").put("rewards", rewards);
    assertEquals(List.of(expected), problems(config));
  }

  @Test
  void theShippedSeasonRewardsAreReadInTierOrderAndNoRolloverIsTheDefault() {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("seasons").put("rewards", new JsonArray()
        .add(new JsonObject().put("top", 10).put("coins", 200))
        .add(new JsonObject().put("top", 1).put("coins", 1000).put("achievement", "season_champion")));
    var seasons = AppConfig.parse(config).seasons();
    assertEquals(List.of(new io.xpbridge.domain.SeasonReward(1, 1000, "season_champion"),
        new io.xpbridge.domain.SeasonReward(10, 200, null)), seasons.rewards());
    assertEquals(io.xpbridge.domain.SeasonPeriod.NONE, AppConfig.parse(new JsonObject()
        .put("ranks", TestConfig.shipped().getJsonArray("ranks"))).seasons().autoRollover());
  }

  @Test
  void aBoostNamesEachBadFieldAndAGoodOneIsRead() {
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("economy").put("boosts", new JsonArray()
        .add(new JsonObject().put("name", "x").put("from", "tomorrow").put("to", "2026-12-06T00:00:00Z")
            .put("platforms", new JsonArray().add("icq")))
        .add(new JsonObject().put("name", "weekend").put("from", "2026-12-05T00:00:00+03:00")
            .put("to", "2026-12-07T00:00:00+03:00").put("multiplier", 2).put("platforms", new JsonArray().add("discord"))));
    assertEquals(List.of(
        "economy.boosts[0].from must be an ISO-8601 time with its offset (2026-12-31T18:00:00+03:00), got tomorrow",
        "economy.boosts[0].platforms[0] must be telegram or discord, got icq"), problems(config));

    config.getJsonObject("economy").getJsonArray("boosts").remove(0);
    var boost = AppConfig.parse(config).economy().boosts().get(0);
    assertEquals("weekend", boost.name());
    assertEquals(java.time.Instant.parse("2026-12-04T21:00:00Z").toEpochMilli(), boost.fromMs());
    assertEquals(java.util.Set.of(io.xpbridge.domain.Platform.DISCORD), boost.platforms());
  }
}
