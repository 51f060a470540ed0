package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.ConfigChanges;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.LogCapture;
import io.xpbridge.support.PlatformFixture;
import io.xpbridge.support.Readiness;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.Still;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, role problems someone sees: the real bot (JDA) against the fake Discord, the whole
 * service on PostgreSQL. A role the bot cannot give shows in {@code /health/ready} and is posted once
 * to {@code discord.alertChannelId}; a broken alert channel is one log line and a readiness detail.
 *
 * <p>Roles, top to bottom: Admin (30), the bot's role (20, Manage Roles), Маршал (rank 3, 10),
 * First steps (achievement, 5), Private (rank 2, 4), Recruit (rank 1, 3).
 */
class DiscordRoleProblemsTest {
  private static PlatformFixture platforms;
  private static FakeDiscord fake;
  private static ServiceFixture service;
  private static long admin;
  private static long botRole;
  private static long marshal;
  private static long firstSteps;
  private static long privateRole;
  private static long recruit;
  private static long general;
  private static long alerts;

  @BeforeAll
  static void start() {
    platforms = PlatformFixture.of(DiscordRoleProblemsTest.class)
        .discord(guild -> {
          admin = guild.addRole("Admin", 30);
          botRole = guild.giveBotManageRoles(20);
          marshal = guild.addRole("Маршал", 10);
          firstSteps = guild.addRole("First steps", 5);
          privateRole = guild.addRole("Private", 4);
          recruit = guild.addRole("Recruit", 3);
          general = guild.addTextChannel("general");
          alerts = guild.addTextChannel("xp-alerts");
        })
        .config(config -> {
          DiscordService.xpRules(config, 15, 0, 0, 60);
          DiscordService.mapRanks(config, recruit, privateRole, marshal);
          DiscordService.mapAchievement(config, "first_steps", firstSteps);
          config.getJsonObject("discord").put("alertChannelId", Long.toString(alerts));
          config.getJsonObject("sync").put("maxRetries", 1);
          return config;
        })
        .start();
    fake = platforms.discord;
    service = platforms.service;
  }

  @AfterAll
  static void stop() {
    if (platforms != null) {
      platforms.close();
    }
  }

  @Test
  void botRoleBelowARankRoleGivesOneAlertAndAReadinessDetailUntilTheRoleIsMovedBack() {
    try (LogCapture logs = LogCapture.of(RoleProblemCheck.class)) {
      Await.until("no setup problems at first", () -> problems().isEmpty());
      int before = alertsPosted().size();

      fake.moveRole(botRole, 8); // an admin drags the bot's role below Маршал

      JsonArray problems = Await.value("/health/ready names the role", DiscordRoleProblemsTest::problems,
          p -> p.size() == 1);
      JsonObject problem = problems.getJsonObject(0);
      assertEquals("role_above_bot", problem.getString("cause"), problems.encode());
      assertEquals("Маршал", problem.getString("name"), problems.encode());
      assertEquals(Long.toString(marshal), problem.getString("id"), problems.encode());
      assertTrue(problem.getString("fix").contains("drag the bot's role above 'Маршал'"), problems.encode());
      assertEquals(200, ready().statusCode(), "a role problem does not make the service unready");
      Await.until("one alert is posted", () -> alertsPosted().size() == before + 1);
      JsonObject alert = alertsPosted().get(before);
      assertTrue(alert.getString("content").contains("drag the bot's role above 'Маршал'")
          && alert.getString("content").contains("перетащите роль бота выше «Маршал»"), alert.encode());
      assertEquals(new JsonArray(), alert.getJsonObject("allowed_mentions").getJsonArray("parse"), alert.encode());

      fake.setRolePermissions(admin, 0); // another change in the server: the check runs again
      Still.holdsFor(Duration.ofMillis(1500), "still one alert", () -> alertsPosted().size() == before + 1);
      assertEquals(1, logs.linesContaining("Discord setup problem: The bot cannot give role 'Маршал'").size(),
          logs.lines().toString());

      fake.moveRole(botRole, 20);

      Await.until("the readiness detail is gone", () -> problems().isEmpty());
      Await.until("the fix is logged", () -> logs.linesContaining("resolved").size() == 1);
      assertEquals(before + 1, alertsPosted().size(), "nothing is posted for a fix");
    }
  }

  @Test
  void withoutManageRolesOneServerWideProblemIsShownAndPostedOnce() {
    int before = alertsPosted().size();
    fake.setBotManageRoles(false);
    try {
      JsonArray problems = Await.value("/health/ready names Manage Roles", DiscordRoleProblemsTest::problems,
          p -> !p.isEmpty());
      assertEquals(1, problems.size(), "one problem, not one per role: " + problems.encode());
      assertEquals("no_manage_roles", problems.getJsonObject(0).getString("cause"), problems.encode());
      Await.until("one alert is posted", () -> alertsPosted().size() == before + 1);
      assertTrue(alertsPosted().get(before).getString("content").contains("grant Manage Roles"),
          alertsPosted().get(before).encode());
    } finally {
      fake.setBotManageRoles(true);
    }
    Await.until("the readiness detail is gone", () -> problems().isEmpty());
  }

  @Test
  void aRefusedRoleDeliveryForTwoMembersPostsOneAlert() {
    int before = alertsPosted().size();
    fake.refuseRoleCallsFor(privateRole); // Discord says no although the role list says yes
    try {
      long ann = fake.addMember("ann", recruit);
      long ben = fake.addMember("ben", recruit);

      service.submit(xp("refused_ann", ann, 200)); // rank 2: Private
      service.submit(xp("refused_ben", ben, 200));

      Await.until("both deliveries were refused", () -> refused(ann) && refused(ben));
      Await.until("one alert is posted", () -> alertsPosted().size() == before + 1);
      String content = alertsPosted().get(before).getString("content");
      assertTrue(content.contains("Discord refused to give role 'Private'"), content);
      Still.holdsFor(Duration.ofMillis(1500), "not one per member or per retry",
          () -> alertsPosted().size() == before + 1);
      assertEquals(200, DiscordService.xpOf(service.sql, ann), "XP is unaffected");
      assertEquals(200, DiscordService.xpOf(service.sql, ben), "XP is unaffected");
    } finally {
      fake.allowRoleCallsFor(privateRole);
    }
  }

  @Test
  void aMissingAlertChannelIsOneLogLineAndAReadinessDetailAndXpIsStillPaid() {
    long missing = 1_234_567_890_123_456_789L;
    JsonObject running = service.app.config();
    try (LogCapture logs = LogCapture.of(RoleProblemCheck.class, AlertPoster.class)) {
      JsonObject changed = running.copy();
      changed.getJsonObject("discord").put("alertChannelId", Long.toString(missing));
      ConfigChanges.publish(service.vertx, AppConfig.parse(changed));

      JsonArray problems = Await.value("/health/ready names the alert channel", DiscordRoleProblemsTest::problems,
          p -> p.size() == 1);
      assertEquals("channel_missing", problems.getJsonObject(0).getString("cause"), problems.encode());
      assertEquals(Long.toString(missing), problems.getJsonObject(0).getString("id"), problems.encode());
      assertTrue(problems.getJsonObject(0).getString("fix").contains("discord.alertChannelId"), problems.encode());

      fake.moveRole(botRole, 8); // a role problem now has nowhere to be posted
      Await.until("the role problem shows too", () -> problems().size() == 2);
      long zoe = fake.addMember("zoe", recruit);
      fake.sendMessage(zoe, general);
      Await.until("XP is still paid", () -> DiscordService.xpOf(service.sql, zoe) == 15);
      fake.setRolePermissions(admin, 8); // and the check runs once more
      Still.holdsFor(Duration.ofMillis(1500), "the missing channel is logged once",
          () -> logs.linesContaining(Long.toUnsignedString(missing)).size() == 1);
      assertTrue(fake.restCalls(c -> c.path().contains("/channels/" + missing)).isEmpty(), "no post is tried");
    } finally {
      fake.moveRole(botRole, 20);
      ConfigChanges.publish(service.vertx, AppConfig.parse(running));
      Await.until("back to no problems", () -> problems().isEmpty());
    }
  }

  // ---- helpers ----

  private static HttpResponse<String> ready() {
    return Readiness.of(service);
  }

  /** The discord-bot check's problems in /health/ready, empty when it has none. */
  private static JsonArray problems() {
    JsonObject bot = Readiness.check(new JsonObject(ready().body()), "discord-bot");
    JsonObject data = bot.getJsonObject("data");
    return data == null ? new JsonArray() : data.getJsonArray("problems", new JsonArray());
  }

  private static List<JsonObject> alertsPosted() {
    return fake.messagesPostedIn(alerts);
  }

  private static boolean refused(long member) {
    return DiscordService.roleCalls(fake, "PUT", member, privateRole).stream().anyMatch(c -> c.status() == 403);
  }

  private static JsonObject xp(String key, long discordId, long xp) {
    return new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", discordId)
        .put("xp", xp).put("idempotencyKey", key);
  }
}
