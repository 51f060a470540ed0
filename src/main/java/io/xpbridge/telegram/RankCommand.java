package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.Web;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;

/**
 * /rank: the player's rank card ({@link Bus#RANK_CARD}, the PNG the web page shows) sent with
 * {@code sendPhoto} as a multipart upload; a player without a visible card is told so.
 */
final class RankCommand implements CommandHandler {
  private static final Logger log = LoggerFactory.getLogger(RankCommand.class);
  static final String FILE_NAME = "rank.png";

  private final CommandServices services;

  RankCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    return services.bus().request(Bus.RANK_CARD, new Web.PlayerQuery(null, command.userId(), null, command.lang().code),
            Web.Card.class)
        .onSuccess(card -> send(command, Base64.getDecoder().decode(card.pngBase64())))
        .<Void>mapEmpty()
        .recover(failure -> {
          if (BusClient.failureCode(failure) == 404) {
            services.replies().reply(command, Texts.noRankCard(command.lang()));
            return Future.succeededFuture();
          }
          return Future.failedFuture(failure);
        });
  }

  /** Queued like every reply, paced per chat; not waited for, the queue retries on its own. */
  private void send(IncomingCommand command, byte[] png) {
    // A ByteArrayInputStream can be rewound, so a retried send uploads the same bytes again.
    SendPhoto photo = SendPhoto.builder().chatId(command.chatId())
        .photo(new InputFile(new ByteArrayInputStream(png), FILE_NAME)).build();
    services.queue().submit(command.chatId(), photo).onFailure(error ->
        log.warn("Rank card for /rank in chat {} was not delivered: {}", command.chatId(), error.getMessage()));
  }
}
