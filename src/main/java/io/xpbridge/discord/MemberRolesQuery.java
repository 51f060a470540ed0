package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Platforms;
import io.xpbridge.config.DiscordSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;

/**
 * Answers {@code Bus.DISCORD_MEMBER_ROLES} from JDA's member cache (complete: members are chunked
 * at login and kept current by GUILD_MEMBER_UPDATE), so the reconcile worker can spot a rank role
 * changed by hand. Role ids are returned as numbers, like discordId.
 */
final class MemberRolesQuery {
  private final Supplier<Guild> guild;

  MemberRolesQuery(Supplier<Guild> guild) {
    this.guild = guild;
  }

  Future<Platforms.MemberRoles> answer(Platforms.MemberRolesQuery query) {
    Guild current = guild.get();
    if (current == null) {
      return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 503,
          "The Discord guild is not available right now (bot disconnected or not in the guild)."));
    }
    Map<String, List<Long>> members = new LinkedHashMap<>();
    List<Long> missing = new ArrayList<>();
    for (long discordId : query.discordIds()) {
      Member member = current.getMemberById(discordId);
      if (member == null) {
        missing.add(discordId);
      } else {
        members.put(Long.toString(discordId), member.getRoles().stream().map(Role::getIdLong).toList());
      }
    }
    return Future.succeededFuture(new Platforms.MemberRoles(members, missing));
  }
}
