package io.xpbridge.discord;

import io.vertx.core.Future;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Web;
import java.util.Base64;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /rank}: the caller's rank card ({@link Bus#RANK_CARD}, the same cached PNG the web page
 * links) attached as {@code rank.png}; a caller with no visible profile is told so in words.
 */
final class RankCommand implements SlashCommand {
  static final String FILE_NAME = "rank.png";

  private final BusClient bus;

  RankCommand(BusClient bus) {
    this.bus = bus;
  }

  @Override
  public SlashCommandData definition() {
    return Localized.command(Texts.RANK, Texts.RANK_DESCRIPTION);
  }

  /** Public, as in other leveling bots: a rank card is made to be shown. */
  @Override
  public boolean ephemeral() {
    return false;
  }

  @Override
  public Future<CommandReply> run(CommandRequest request) {
    return bus.request(Bus.RANK_CARD, new Web.PlayerQuery(null, null, request.discordId(), request.lang().code),
            Web.Card.class)
        .map(card -> CommandReply.file(FILE_NAME, Base64.getDecoder().decode(card.pngBase64())))
        .recover(failure -> BusClient.failureCode(failure) == 404
            ? Future.succeededFuture(CommandReply.text(Texts.noRankCard(request.lang())))
            : Future.failedFuture(failure));
  }
}
