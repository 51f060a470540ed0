package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Links;
import io.xpbridge.config.DiscordSettings;
import java.util.function.Supplier;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /link} issues a code to type in the Telegram bot; {@code /link code:X} redeems a code
 * issued by the Telegram bot. Attempt limits and expiry are enforced by the account verticle; its
 * refusals (unknown or expired code, already linked, too many tries) are put into words by
 * {@link FailureTexts}.
 */
final class LinkCommand implements SlashCommand {
  private final BusClient bus;
  private final Supplier<DiscordSettings> settings;

  LinkCommand(BusClient bus, Supplier<DiscordSettings> settings) {
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
    return bus.redeemLinkCode(Links.Redeem.discord(code, request.discordId(), request.username()))
        .map(linked -> CommandReply.text(String.format(
            "Linked! Your Discord and Telegram accounts now share one profile: %d XP, %d coins.",
            linked.mergedXp(), linked.mergedBalance())));
  }

  private Future<CommandReply> issue(CommandRequest request) {
    return bus.issueLinkCode(Links.Account.discord(request.discordId()))
        .map(issued -> CommandReply.text(issuedText(issued)));
  }

  private String issuedText(Links.Issued issued) {
    String code = issued.code();
    long minutes = Math.max(1, issued.ttlSeconds() / 60);
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
