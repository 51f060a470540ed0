package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Links;
import io.xpbridge.config.DiscordSettings;
import java.util.function.Supplier;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /link} issues a code to type in the Telegram bot; {@code /link code:X} redeems a code
 * issued by the Telegram bot. Attempt limits and expiry are enforced by the account verticle; its
 * refusals (unknown or expired code, already linked, too many tries) are put into words by
 * {@link Texts}.
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
    return Localized.command(Texts.LINK, Texts.LINK_DESCRIPTION)
        .addOptions(Localized.option(OptionType.STRING, Texts.LINK_CODE, Texts.LINK_CODE_DESCRIPTION, false));
  }

  @Override
  public boolean ephemeral() {
    return true;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    String code = request.option(Texts.LINK_CODE.en());
    return code == null ? issue(request) : redeem(request, code);
  }

  private Future<CommandReply> redeem(CommandRequest request, String code) {
    return bus.redeemLinkCode(Links.Redeem.discord(code, request.discordId(), request.username()))
        .map(linked -> CommandReply.text(Texts.linked(request.lang(), linked)));
  }

  private Future<CommandReply> issue(CommandRequest request) {
    return bus.issueLinkCode(Links.Account.discord(request.discordId()))
        .map(issued -> CommandReply.text(Texts.linkCode(request.lang(), issued.code(),
            Math.max(1, issued.ttlSeconds() / 60), botUsername())));
  }

  private String botUsername() {
    String botUsername = settings.get().telegramBotUsername();
    return botUsername == null || !botUsername.startsWith("@") ? botUsername : botUsername.substring(1);
  }
}
