package io.xpbridge.discord;

import io.xpbridge.config.GameRules;
import io.xpbridge.domain.AchievementDefinition;
import io.xpbridge.domain.Rank;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which configured rank and achievement roles the bot cannot give: the role does not exist, it is
 * not below the bot's highest role, or the bot lacks Manage Roles (one server-wide problem). A pure
 * function of the config and a {@link GuildView}.
 */
final class RoleProblems {
  private RoleProblems() {}

  /** A configured role: where it is in the config and its names there. */
  record ConfiguredRole(long roleId, String what, String whatRu, String configKey) {}

  static List<SetupProblem> find(GameRules rules, GuildView view) {
    List<ConfiguredRole> configured = configured(rules);
    // By key: a role used by a rank and an achievement is one problem.
    Map<String, SetupProblem> problems = new LinkedHashMap<>();
    if (!configured.isEmpty() && !view.botManagesRoles()) {
      SetupProblem problem = noManageRoles();
      problems.put(problem.key(), problem);
    }
    for (ConfiguredRole role : configured) {
      GuildView.RoleView inGuild = view.roles().get(role.roleId());
      SetupProblem problem = inGuild == null ? missing(role)
          : inGuild.position() >= view.botTopPosition() ? aboveBot(role, inGuild.name(), view) : null;
      if (problem != null) {
        problems.putIfAbsent(problem.key(), problem);
      }
    }
    return List.copyOf(problems.values());
  }

  /**
   * The problem behind a role delivery Discord (or JDA) refused, for the alert. {@code cause} is what
   * the failure said; the view decides when it names the role at all.
   */
  static SetupProblem forDelivery(GameRules rules, GuildView view, long roleId, SetupProblem.Cause cause) {
    if (cause == SetupProblem.Cause.NO_MANAGE_ROLES || !view.botManagesRoles()) {
      return noManageRoles();
    }
    ConfiguredRole role = configured(rules).stream().filter(r -> r.roleId() == roleId).findFirst()
        .orElse(new ConfiguredRole(roleId, "a rank or achievement", "ранга или достижения", "ranks / achievements"));
    GuildView.RoleView inGuild = view.roles().get(roleId);
    if (cause == SetupProblem.Cause.ROLE_MISSING || inGuild == null) {
      return missing(role);
    }
    return inGuild.position() >= view.botTopPosition() ? aboveBot(role, inGuild.name(), view)
        : refused(role, inGuild.name());
  }

  static List<ConfiguredRole> configured(GameRules rules) {
    List<ConfiguredRole> roles = new ArrayList<>();
    if (rules == null) {
      return roles;
    }
    List<Rank> ranks = rules.ladder().ranks();
    for (int i = 0; i < ranks.size(); i++) {
      Rank rank = ranks.get(i);
      if (rank.discordRoleId() != null) {
        roles.add(new ConfiguredRole(rank.discordRoleId(), "rank " + rank.number() + " " + rank.nameEn(),
            "ранга " + rank.number() + " " + rank.nameRu(), "ranks[" + i + "].discordRoleId"));
      }
    }
    List<AchievementDefinition> achievements = rules.achievements();
    for (int i = 0; i < achievements.size(); i++) {
      AchievementDefinition achievement = achievements.get(i);
      if (achievement.discordRoleId() != null) {
        roles.add(new ConfiguredRole(achievement.discordRoleId(), "achievement " + achievement.nameEn(),
            "достижения " + achievement.nameRu(), "achievements[" + i + "].discordRoleId"));
      }
    }
    return roles;
  }

  private static SetupProblem noManageRoles() {
    return new SetupProblem(SetupProblem.Cause.NO_MANAGE_ROLES, null, "Manage Roles",
        "The bot lacks the Manage Roles permission, so it cannot give rank and achievement roles. "
            + "In Server Settings > Roles, grant Manage Roles to the bot's role.",
        "У бота нет права «Управлять ролями», поэтому он не может выдавать роли рангов и достижений. "
            + "В настройках сервера > Роли дайте роли бота право «Управлять ролями».");
  }

  private static SetupProblem missing(ConfiguredRole role) {
    String id = Long.toUnsignedString(role.roleId());
    return new SetupProblem(SetupProblem.Cause.ROLE_MISSING, role.roleId(), role.what(),
        "Role " + id + " configured for " + role.what() + " does not exist in the server. Create it, or fix "
            + role.configKey() + " in the config.",
        "Роли " + id + " для " + role.whatRu() + " нет на сервере. Создайте её или исправьте " + role.configKey()
            + " в конфигурации.");
  }

  /** Discord said Missing Permissions although the bot's cache shows nothing wrong: say what to check. */
  private static SetupProblem refused(ConfiguredRole role, String roleName) {
    return new SetupProblem(SetupProblem.Cause.ROLE_ABOVE_BOT, role.roleId(), roleName,
        "Discord refused to give role '" + roleName + "' (" + role.what() + ") with Missing Permissions. "
            + "In Server Settings > Roles, check that the bot's role has Manage Roles and drag it above '"
            + roleName + "'.",
        "Discord отказал в выдаче роли «" + roleName + "» (роль " + role.whatRu() + "): нет прав. В настройках "
            + "сервера > Роли проверьте право «Управлять ролями» у роли бота и перетащите её выше «" + roleName + "».");
  }

  private static SetupProblem aboveBot(ConfiguredRole role, String roleName, GuildView view) {
    String botRole = view.botTopRoleName() == null ? "" : " ('" + view.botTopRoleName() + "')";
    String botRoleRu = view.botTopRoleName() == null ? "" : " («" + view.botTopRoleName() + "»)";
    return new SetupProblem(SetupProblem.Cause.ROLE_ABOVE_BOT, role.roleId(), roleName,
        "The bot cannot give role '" + roleName + "' (" + role.what() + "): it is not below the bot's highest role"
            + botRole + ". In Server Settings > Roles, drag the bot's role above '" + roleName + "'.",
        "Бот не может выдать роль «" + roleName + "» (роль " + role.whatRu() + "): она не ниже высшей роли бота"
            + botRoleRu + ". В настройках сервера > Роли перетащите роль бота выше «" + roleName + "».");
  }
}
