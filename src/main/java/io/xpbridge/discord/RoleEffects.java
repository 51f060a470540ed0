package io.xpbridge.discord;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.EffectKind;
import io.xpbridge.bus.Platforms;
import io.xpbridge.config.DiscordSettings;
import io.xpbridge.domain.InvalidRequestException;
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
 * Applies ledger projections in Discord (answers {@code Bus.EFFECTS_DISCORD}): the rank role
 * (add the current one, remove the other rank roles) and achievement roles. Idempotent: REST is
 * only called for roles that actually change. Effects for one member run one after the other so
 * two rank changes cannot interleave. Event-loop only.
 */
final class RoleEffects {
  private static final Logger log = LoggerFactory.getLogger(RoleEffects.class);

  private final Context context;
  private final Supplier<Guild> guild;
  private final RecentRoleWrites recentWrites;
  private final RoleRefusals refusals;
  private final Map<Long, Future<Void>> tailByMember = new HashMap<>();

  /** Told of each role the bot could not give or take because of the server's setup. */
  interface RoleRefusals {
    void refused(long roleId, SetupProblem.Cause cause);
  }

  RoleEffects(Context context, Supplier<Guild> guild, RecentRoleWrites recentWrites, RoleRefusals refusals) {
    this.context = context;
    this.guild = guild;
    this.recentWrites = recentWrites;
    this.refusals = refusals;
  }

  Future<Platforms.Ack> apply(Platforms.DiscordEffect effect) {
    Long discordId = effect.discordId();
    if (discordId == null) {
      throw new InvalidRequestException("Discord effect " + effect.eventId() + " without discordId");
    }
    return inOrderFor(discordId, () -> apply(effect, discordId))
        .map(v -> Platforms.Ack.OK)
        .recover(e -> {
          EffectFailure failure = RestFutures.classify("apply " + effect.kind() + " effect", e);
          log.warn("Discord effect {} (event {}) for member {} failed with {}: {}", effect.kind(), effect.eventId(),
              discordId, failure.code, failure.getMessage());
          return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, failure.code,
              failure.getMessage()));
        });
  }

  private Future<Void> inOrderFor(long discordId, Supplier<Future<Void>> task) {
    Future<Void> previous = tailByMember.getOrDefault(discordId, Future.succeededFuture());
    Future<Void> next = previous.transform(ignored -> task.get());
    tailByMember.put(discordId, next);
    next.onComplete(ignored -> tailByMember.remove(discordId, next));
    return next;
  }

  private Future<Void> apply(Platforms.DiscordEffect effect, long discordId) {
    Guild current = guild.get();
    if (current == null) {
      return Future.failedFuture(new EffectFailure(503, "The Discord guild is not available right now "
          + "(bot disconnected or not in the guild)."));
    }
    EffectKind kind = effect.kind();
    if (kind != EffectKind.RANK_ROLE && kind != EffectKind.ACHIEVEMENT_ROLE) {
      return Future.failedFuture(new EffectFailure(400, "Unknown Discord effect kind "
          + (kind == null ? "(none or not known to this version)" : kind.wireName())
          + " (expected rank_role, achievement_role, season_results or member_announcement)"));
    }
    return member(current, discordId).compose(member -> kind == EffectKind.RANK_ROLE
        ? applyRank(current, member, effect) : applyAchievement(current, member, effect));
  }

  private Future<Member> member(Guild current, long discordId) {
    Member cached = current.getMemberById(discordId);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return RestFutures.submit(context, "look up member " + discordId, () -> current.retrieveMemberById(discordId));
  }

  private Future<Void> applyRank(Guild current, Member member, Platforms.DiscordEffect effect) {
    Platforms.RankRole rank = effect.rank() == null ? new Platforms.RankRole(0, null, null) : effect.rank();
    Long targetId = rank.roleId();
    Set<Long> has = currentRoles(member);
    List<Change> changes = new ArrayList<>();
    if (targetId != null && !has.contains(targetId)) {
      Role target = current.getRoleById(targetId);
      if (target == null) {
        refusals.refused(targetId, SetupProblem.Cause.ROLE_MISSING);
        return Future.failedFuture(new EffectFailure(400, "Role " + targetId + " configured for rank "
            + rank.number() + " does not exist in the guild. Fix ranks[].discordRoleId in the config."));
      }
      changes.add(new Change(target, true));
    }
    for (Long roleId : effect.rankRoleIds()) {
      Role role = current.getRoleById(roleId);
      // A rank role deleted in Discord cannot be on the member any more: nothing to remove.
      if (!roleId.equals(targetId) && has.contains(roleId) && role != null) {
        changes.add(new Change(role, false));
      }
    }
    // Adding first means a member is never left without any rank role in between.
    return applyInOrder(current, member, changes);
  }

  private Future<Void> applyAchievement(Guild current, Member member, Platforms.DiscordEffect effect) {
    Platforms.AchievementRole achievement = effect.achievement() == null
        ? new Platforms.AchievementRole(null, null, null) : effect.achievement();
    Long roleId = achievement.roleId();
    if (roleId == null || currentRoles(member).contains(roleId)) {
      return Future.succeededFuture();
    }
    Role role = current.getRoleById(roleId);
    if (role == null) {
      refusals.refused(roleId, SetupProblem.Cause.ROLE_MISSING);
      return Future.failedFuture(new EffectFailure(400, "Role " + roleId + " configured for achievement "
          + achievement.code() + " does not exist in the guild. Fix achievements[].discordRoleId."));
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
      long memberId = member.getIdLong();
      long roleId = change.role().getIdLong();
      chain = chain.compose(v -> {
        recentWrites.writing(memberId, roleId, change.add());
        return RestFutures.submit(context, change.describe(member),
                () -> change.add()
                    ? current.addRoleToMember(member, change.role())
                    : current.removeRoleFromMember(member, change.role()))
            .onFailure(e -> {
              SetupProblem.Cause cause = RoleProblemCheck.causeOf(e);
              if (cause != null) {
                refusals.refused(roleId, cause);
              }
            })
            .onComplete(done -> {
              // An echo already seen here means the cache tells the truth; otherwise it is still to come.
              boolean echoed = recentWrites.settled(memberId, roleId);
              if (done.succeeded() && !echoed) {
                recentWrites.record(memberId, roleId, change.add(), System.currentTimeMillis());
              }
            })
            .mapEmpty();
      });
    }
    return chain;
  }

  private Set<Long> currentRoles(Member member) {
    Set<Long> cached = member.getRoles().stream().map(Role::getIdLong).collect(Collectors.toSet());
    return recentWrites.effectiveRoles(member.getIdLong(), cached, System.currentTimeMillis());
  }
}
