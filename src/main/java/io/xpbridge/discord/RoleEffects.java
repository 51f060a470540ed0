package io.xpbridge.discord;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DiscordSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies ledger projections in Discord (consumer of {@code Bus.EFFECTS_DISCORD}): the rank role
 * (add the current one, remove the other rank roles) and achievement roles. Idempotent: REST is
 * only called for roles that actually change. Effects for one member run one after the other so
 * two rank changes cannot interleave. Event-loop only.
 */
final class RoleEffects {
  private static final Logger log = LoggerFactory.getLogger(RoleEffects.class);

  private final Context context;
  private final Supplier<Guild> guild;
  private final RecentRoleWrites recentWrites;
  private final Map<Long, Future<Void>> tailByMember = new HashMap<>();

  RoleEffects(Context context, Supplier<Guild> guild, RecentRoleWrites recentWrites) {
    this.context = context;
    this.guild = guild;
    this.recentWrites = recentWrites;
  }

  void handle(Message<JsonObject> message) {
    JsonObject effect = message.body();
    Long discordId;
    try {
      discordId = DiscordSettings.snowflake(effect.getValue("discordId"), "discordId");
    } catch (IllegalArgumentException e) {
      message.fail(400, e.getMessage());
      return;
    }
    if (discordId == null) {
      message.fail(400, "Discord effect without discordId: " + effect.encode());
      return;
    }
    inOrderFor(discordId, () -> apply(effect, discordId))
        .onSuccess(v -> message.reply(new JsonObject().put("ok", true)))
        .onFailure(e -> {
          EffectFailure failure = RestFutures.classify("apply " + effect.getString("kind") + " effect", e);
          log.warn("Discord effect {} (event {}) for member {} failed with {}: {}", effect.getString("kind"),
              effect.getValue("eventId"), discordId, failure.code, failure.getMessage());
          message.fail(failure.code, failure.getMessage());
        });
  }

  private Future<Void> inOrderFor(long discordId, Supplier<Future<Void>> task) {
    Future<Void> previous = tailByMember.getOrDefault(discordId, Future.succeededFuture());
    Future<Void> next = previous.transform(ignored -> task.get());
    tailByMember.put(discordId, next);
    next.onComplete(ignored -> tailByMember.remove(discordId, next));
    return next;
  }

  private Future<Void> apply(JsonObject effect, long discordId) {
    Guild current = guild.get();
    if (current == null) {
      return Future.failedFuture(new EffectFailure(503, "The Discord guild is not available right now "
          + "(bot disconnected or not in the guild)."));
    }
    String kind = effect.getString("kind", "");
    return member(current, discordId).compose(member -> switch (kind) {
      case "rank_role" -> applyRank(current, member, effect);
      case "achievement_role" -> applyAchievement(current, member, effect);
      default -> Future.failedFuture(new EffectFailure(400, "Unknown Discord effect kind \"" + kind + "\""));
    });
  }

  private Future<Member> member(Guild current, long discordId) {
    Member cached = current.getMemberById(discordId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return RestFutures.submit(context, "look up member " + discordId, () -> current.retrieveMemberById(discordId));
  }

  private Future<Void> applyRank(Guild current, Member member, JsonObject effect) {
    JsonObject rank = effect.getJsonObject("rank", new JsonObject());
    Long targetId = DiscordSettings.snowflake(rank.getValue("roleId"), "rank.roleId");
    List<Long> rankRoleIds = new ArrayList<>();
    for (Object id : effect.getJsonArray("rankRoleIds", new JsonArray())) {
      Long roleId = DiscordSettings.snowflake(id, "rankRoleIds");
      if (roleId != null) {
        rankRoleIds.add(roleId);
      }
    }
    Set<Long> has = currentRoles(member);
    List<Change> changes = new ArrayList<>();
    if (targetId != null && !has.contains(targetId)) {
      Role target = current.getRoleById(targetId);
      if (target == null) {
        return Future.failedFuture(new EffectFailure(400, "Role " + targetId + " configured for rank "
            + rank.getValue("number") + " does not exist in the guild. Fix ranks[].discordRoleId in the config."));
      }
      changes.add(new Change(target, true));
    }
    for (Long roleId : rankRoleIds) {
      Role role = current.getRoleById(roleId);
      // A rank role deleted in Discord cannot be on the member any more: nothing to remove.
      if (!roleId.equals(targetId) && has.contains(roleId) && role != null) {
        changes.add(new Change(role, false));
      }
    }
    // Adding first means a member is never left without any rank role in between.
    return applyInOrder(current, member, changes);
  }

  private Future<Void> applyAchievement(Guild current, Member member, JsonObject effect) {
    JsonObject achievement = effect.getJsonObject("achievement", new JsonObject());
    Long roleId = DiscordSettings.snowflake(achievement.getValue("roleId"), "achievement.roleId");
    if (roleId == null || currentRoles(member).contains(roleId)) {
      return Future.succeededFuture();
    }
    Role role = current.getRoleById(roleId);
    if (role == null) {
      return Future.failedFuture(new EffectFailure(400, "Role " + roleId + " configured for achievement "
          + achievement.getString("code") + " does not exist in the guild. Fix achievements[].discordRoleId."));
    }
    return applyInOrder(current, member, List.of(new Change(role, true)));
  }

  private record Change(Role role, boolean add) {
    String describe(Member member) {
      return (add ? "add role " : "remove role ") + role.getName() + " (" + role.getId() + ")"
          + (add ? " to " : " from ") + "member " + member.getUser().getName() + " (" + member.getId() + ")";
    }
  }

  private Future<Void> applyInOrder(Guild current, Member member, List<Change> changes) {
    Future<Void> chain = Future.succeededFuture();
    for (Change change : changes) {
      chain = chain.compose(v -> RestFutures.submit(context, change.describe(member),
              () -> change.add()
                  ? current.addRoleToMember(member, change.role())
                  : current.removeRoleFromMember(member, change.role()))
          .onSuccess(ok -> {
            // The gateway echo may have beaten the REST answer; then the cache already tells the truth.
            if (cacheShows(current, member.getIdLong(), change.role().getIdLong()) != change.add()) {
              recentWrites.record(member.getIdLong(), change.role().getIdLong(), change.add(),
                  System.currentTimeMillis());
            }
          })
          .mapEmpty());
    }
    return chain;
  }

  private static boolean cacheShows(Guild current, long memberId, long roleId) {
    Member cached = current.getMemberById(memberId);
    return cached != null && cached.getRoles().stream().anyMatch(role -> role.getIdLong() == roleId);
  }

  private Set<Long> currentRoles(Member member) {
    Set<Long> cached = member.getRoles().stream().map(Role::getIdLong).collect(Collectors.toSet());
    return recentWrites.effectiveRoles(member.getIdLong(), cached, System.currentTimeMillis());
  }
}
