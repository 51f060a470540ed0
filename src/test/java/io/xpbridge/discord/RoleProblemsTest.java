package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.DiscordSettings;
import io.xpbridge.config.GameRules;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.TestConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The setup check as a pure function of the config and a snapshot of the guild (no JDA). */
class RoleProblemsTest {
  private static final long RECRUIT = 101;
  private static final long MARSHAL = 120;
  private static final long FIRST_STEPS = 201;
  private static final long ANNOUNCE = 301;
  private static final long ALERTS = 302;

  /** Ranks 1..20 mapped: rank 1 to RECRUIT, rank 20 to MARSHAL; first_steps to FIRST_STEPS. */
  private static AppConfig config() {
    JsonObject config = TestConfig.shipped();
    DiscordService.mapRanks(config, RECRUIT);
    config.getJsonArray("ranks").getJsonObject(19).put("discordRoleId", Long.toString(MARSHAL));
    DiscordService.mapAchievement(config, "first_steps", FIRST_STEPS);
    config.getJsonObject("discord").put("announceChannelId", ANNOUNCE).put("alertChannelId", ALERTS);
    return AppConfig.parse(config);
  }

  private static GameRules rules() {
    return config().gameRules();
  }

  /** Bot's role at position 10 named "xpbridge bot". */
  private static GuildView view(boolean managesRoles, GuildView.RoleView... roles) {
    Map<Long, GuildView.RoleView> byId = new java.util.HashMap<>();
    for (GuildView.RoleView role : roles) {
      byId.put(role.id(), role);
    }
    return new GuildView(byId, 10, "xpbridge bot", managesRoles, Map.of(
        ANNOUNCE, new GuildView.ChannelView(ANNOUNCE, "announcements", true),
        ALERTS, new GuildView.ChannelView(ALERTS, "xp-alerts", true)));
  }

  private static GuildView.RoleView role(long id, String name, int position) {
    return new GuildView.RoleView(id, name, position);
  }

  @Test
  void rolesBelowTheBotWithManageRolesAreFine() {
    assertEquals(List.of(), RoleProblems.find(rules(), view(true, role(RECRUIT, "Recruit", 1),
        role(MARSHAL, "Marshal", 9), role(FIRST_STEPS, "First steps", 2))));
  }

  @Test
  void aRoleAboveTheBotNamesTheRoleAndTheFix() {
    List<SetupProblem> problems = RoleProblems.find(rules(), view(true, role(RECRUIT, "Recruit", 1),
        role(MARSHAL, "Маршал", 11), role(FIRST_STEPS, "First steps", 2)));

    assertEquals(1, problems.size(), problems.toString());
    SetupProblem problem = problems.get(0);
    assertEquals(SetupProblem.Cause.ROLE_ABOVE_BOT, problem.cause());
    assertEquals(MARSHAL, problem.id());
    assertEquals("Маршал", problem.name());
    assertTrue(problem.fixEn().contains("drag the bot's role above 'Маршал'"), problem.fixEn());
    assertTrue(problem.fixEn().contains("rank 20 Marshal"), problem.fixEn());
    assertTrue(problem.fixRu().contains("перетащите роль бота выше «Маршал»"), problem.fixRu());
  }

  @Test
  void aRoleAtTheBotsOwnPositionCannotBeGivenEither() {
    List<SetupProblem> problems = RoleProblems.find(rules(), view(true, role(RECRUIT, "Recruit", 10),
        role(MARSHAL, "Marshal", 9), role(FIRST_STEPS, "First steps", 2)));

    assertEquals(List.of(SetupProblem.Cause.ROLE_ABOVE_BOT), problems.stream().map(SetupProblem::cause).toList());
    assertEquals(RECRUIT, problems.get(0).id());
  }

  @Test
  void aMissingRoleNamesItsConfigKey() {
    List<SetupProblem> problems = RoleProblems.find(rules(), view(true, role(RECRUIT, "Recruit", 1),
        role(MARSHAL, "Marshal", 9)));

    assertEquals(1, problems.size(), problems.toString());
    assertEquals(SetupProblem.Cause.ROLE_MISSING, problems.get(0).cause());
    assertEquals(FIRST_STEPS, problems.get(0).id());
    assertTrue(problems.get(0).fixEn().contains("achievement First steps")
        && problems.get(0).fixEn().contains("achievements[0].discordRoleId"), problems.get(0).fixEn());
  }

  @Test
  void withoutManageRolesOneServerWideProblemNotOnePerRole() {
    List<SetupProblem> problems = RoleProblems.find(rules(), view(false, role(RECRUIT, "Recruit", 1),
        role(MARSHAL, "Marshal", 9), role(FIRST_STEPS, "First steps", 2)));

    assertEquals(1, problems.size(), problems.toString());
    assertEquals(SetupProblem.Cause.NO_MANAGE_ROLES, problems.get(0).cause());
    assertNull(problems.get(0).id());
    assertTrue(problems.get(0).fixEn().contains("Manage Roles"), problems.get(0).fixEn());
  }

  @Test
  void noConfiguredRolesNoProblemEvenWithoutManageRoles() {
    GameRules unmapped = AppConfig.parse(TestConfig.shipped()).gameRules();
    assertEquals(List.of(), RoleProblems.find(unmapped, view(false)));
  }

  @Test
  void aRefusedDeliveryIsDescribedByTheRoleItWasAbout() {
    GuildView fine = view(true, role(RECRUIT, "Recruit", 1), role(MARSHAL, "Marshal", 9));
    SetupProblem refused = RoleProblems.forDelivery(rules(), fine, MARSHAL, SetupProblem.Cause.ROLE_ABOVE_BOT);
    assertEquals(SetupProblem.Cause.ROLE_ABOVE_BOT, refused.cause());
    assertEquals("Marshal", refused.name());
    assertEquals("role_above_bot:" + MARSHAL, refused.key());
    assertTrue(refused.fixEn().startsWith("Discord refused to give role 'Marshal'"), refused.fixEn());

    SetupProblem noPermission = RoleProblems.forDelivery(rules(), view(false), MARSHAL,
        SetupProblem.Cause.ROLE_ABOVE_BOT);
    assertEquals(SetupProblem.Cause.NO_MANAGE_ROLES, noPermission.cause(), "the cache knows better than a 50013");
  }

  @Test
  void channelsThatAreMissingOrNotWritableAreNamedWithTheirConfigKey() {
    DiscordSettings settings = config().discord();
    GuildView view = new GuildView(Map.of(), 10, "xpbridge bot", true,
        Map.of(ANNOUNCE, new GuildView.ChannelView(ANNOUNCE, "announcements", false)));

    List<SetupProblem> problems = ChannelProblems.find(settings, view);

    assertEquals(List.of(SetupProblem.Cause.CHANNEL_NOT_WRITABLE, SetupProblem.Cause.CHANNEL_MISSING),
        problems.stream().map(SetupProblem::cause).toList());
    assertTrue(problems.get(0).fixEn().contains("#announcements") && problems.get(0).fixEn()
        .contains("discord.announceChannelId"), problems.get(0).fixEn());
    assertTrue(problems.get(1).fixEn().contains("Channel " + ALERTS + " (discord.alertChannelId) does not exist"),
        problems.get(1).fixEn());
    assertEquals(problems.get(1), ChannelProblems.alertChannel(settings, view));
  }
}
