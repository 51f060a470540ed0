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
  record ConfiguredRole(long roleId, Texts.Phrase what, String configKey) {}

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
        .orElse(new ConfiguredRole(roleId, Texts.SOME_ROLE, "ranks / achievements"));
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
        roles.add(new ConfiguredRole(rank.discordRoleId(), Texts.rankRole(rank.number(), rank.nameRu(), rank.nameEn()),
            "ranks[" + i + "].discordRoleId"));
      }
    }
    List<AchievementDefinition> achievements = rules.achievements();
    for (int i = 0; i < achievements.size(); i++) {
      AchievementDefinition achievement = achievements.get(i);
      if (achievement.discordRoleId() != null) {
        roles.add(new ConfiguredRole(achievement.discordRoleId(),
            Texts.achievementRole(achievement.nameRu(), achievement.nameEn()), "achievements[" + i + "].discordRoleId"));
      }
    }
    return roles;
  }

  private static SetupProblem noManageRoles() {
    return new SetupProblem(SetupProblem.Cause.NO_MANAGE_ROLES, null, "Manage Roles", Texts.noManageRoles());
  }

  private static SetupProblem missing(ConfiguredRole role) {
    return new SetupProblem(SetupProblem.Cause.ROLE_MISSING, role.roleId(), role.what().en(),
        Texts.roleMissing(Long.toUnsignedString(role.roleId()), role.what(), role.configKey()));
  }

  private static SetupProblem refused(ConfiguredRole role, String roleName) {
    return new SetupProblem(SetupProblem.Cause.ROLE_ABOVE_BOT, role.roleId(), roleName,
        Texts.roleRefused(roleName, role.what()));
  }

  private static SetupProblem aboveBot(ConfiguredRole role, String roleName, GuildView view) {
    return new SetupProblem(SetupProblem.Cause.ROLE_ABOVE_BOT, role.roleId(), roleName,
        Texts.roleAboveBot(roleName, role.what(), view.botTopRoleName()));
  }
}
