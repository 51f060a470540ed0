package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.config.DiscordSettings;
import java.util.function.Supplier;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /link} issues a code to type in the Telegram bot; {@code /link code:X} redeems a code
 * issued by the Telegram bot. Attempt limits and expiry are enforced by the account verticle;
 * its refusal texts (404 unknown/expired, 409 already linked, 429 too many tries) are shown as-is.
 */
final class LinkCommand implements SlashCommand {
  private final BusCalls bus;
  private final Supplier<DiscordSettings> settings;

  LinkCommand(BusCalls bus, Supplier<DiscordSettings> settings) {
    this.bus = bus;
    this.settings = settings;
  }

  @Override
  public SlashCommandData definition() {
    return Commands.slash("link", "Link this Discord account with your Telegram profile")
        .addOption(OptionType.STRING, "code", "A code from the Telegram bot's /link (leave empty to get a code)", false);
  }

  @Override
  public boolean ephemeral() {
    return true;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    String code = request.option("code");
    return code == null ? issue(request) : redeem(request, code);
  }

  private Future<CommandReply> redeem(CommandRequest request, String code) {
    JsonObject body = new JsonObject()
        .put("code", code)
        .put("discordId", request.discordId())
        .put("username", request.username());
    return bus.request(Bus.LINK_REDEEM, body).map(reply -> CommandReply.text(String.format(
        "Linked! Your Discord and Telegram accounts now share one profile: %d XP, %d coins.",
        reply.getLong("mergedXp", 0L), reply.getLong("mergedBalance", 0L))));
  }

  private Future<CommandReply> issue(CommandRequest request) {
    return bus.request(Bus.LINK_ISSUE, new JsonObject().put("discordId", request.discordId()))
        .map(reply -> CommandReply.text(issuedText(reply)));
  }

  private String issuedText(JsonObject reply) {
    String code = reply.getString("code");
    long minutes = Math.max(1, reply.getLong("ttlSeconds", 600L) / 60);
    StringBuilder text = new StringBuilder()
        .append("Your link code: **").append(code).append("** (single use, valid for ").append(minutes)
        .append(minutes == 1 ? " minute" : " minutes").append(").\n")
        .append("Send `/link ").append(code).append("` to the Telegram bot");
    String botUsername = settings.get().telegramBotUsername();
    if (botUsername != null) {
      String name = botUsername.startsWith("@") ? botUsername.substring(1) : botUsername;
      text.append(", or open https://t.me/").append(name).append("?start=link_").append(code);
    }
    return text.append('.').toString();
  }
}
