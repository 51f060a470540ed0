package io.xpbridge.discord;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.config.DiscordSettings;
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

  void handle(Message<JsonObject> message) {
    Guild current = guild.get();
    if (current == null) {
      message.fail(503, "The Discord guild is not available right now (bot disconnected or not in the guild).");
      return;
    }
    JsonObject members = new JsonObject();
    JsonArray missing = new JsonArray();
    try {
      for (Object value : message.body().getJsonArray("discordIds", new JsonArray())) {
        Long discordId = DiscordSettings.snowflake(value, "discordIds");
        if (discordId == null) {
          continue;
        }
        Member member = current.getMemberById(discordId);
        if (member == null) {
          missing.add(discordId);
        } else {
          JsonArray roles = new JsonArray();
          member.getRoles().stream().map(Role::getIdLong).forEach(roles::add);
          members.put(Long.toString(discordId), roles);
        }
      }
    } catch (IllegalArgumentException e) {
      message.fail(400, e.getMessage());
      return;
    }
    message.reply(new JsonObject().put("members", members).put("missing", missing));
  }
}
