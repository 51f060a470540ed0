package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Privacy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;

/**
 * /privacy: what is kept about the player and the actions on it. /privacy hide|show (скрыть|показать):
 * the public standings; /privacy roles off|on (роли выкл|вкл): Discord rank-role sync; /privacy export
 * (экспорт): the player's data as a JSON document ({@code sendDocument}); /privacy delete (удалить): asks,
 * and erases when repeated within a minute.
 */
final class PrivacyCommand implements CommandHandler {
  private static final Logger log = LoggerFactory.getLogger(PrivacyCommand.class);

  private static final Set<String> HIDE = Set.of(Players.HIDE, "скрыть");
  private static final Set<String> SHOW = Set.of(Players.SHOW, "показать");
  private static final Set<String> ROLES = Set.of("roles", "роли");
  private static final Set<String> OFF = Set.of(Privacy.ROLES_OFF, "выкл", "выключить");
  private static final Set<String> ON = Set.of(Privacy.ROLES_ON, "вкл", "включить");
  private static final Set<String> EXPORT = Set.of("export", "экспорт", "выгрузить");
  private static final Set<String> DELETE = Set.of("delete", "удалить");

  private final CommandServices services;

  PrivacyCommand(CommandServices services) {
    this.services = services;
  }

  @Override
  public Future<Void> handle(IncomingCommand command) {
    List<String> words = List.of(command.args().toLowerCase(Locale.ROOT).split("\\s+"));
    String asked = words.get(0);
    if (asked.isEmpty()) {
      return services.bus().privacyOverview(new Privacy.Account(command.userId(), null, command.lang().code))
          .onSuccess(overview -> services.replies().reply(command, Texts.privacyOverview(command.lang(), overview)))
          .mapEmpty();
    }
    if (HIDE.contains(asked) || SHOW.contains(asked)) {
      boolean hidden = HIDE.contains(asked);
      return services.bus().visibility(Players.VisibilityChange.telegram(command.userId(), hidden))
          .onSuccess(now -> services.replies().reply(command, Texts.privacy(command.lang(), now, true)))
          .mapEmpty();
    }
    if (ROLES.contains(asked)) {
      return roles(command, words.size() > 1 ? words.get(1) : "");
    }
    if (EXPORT.contains(asked)) {
      return export(command);
    }
    if (DELETE.contains(asked)) {
      return services.bus().privacyDelete(Privacy.Account.telegram(command.userId())).onSuccess(outcome -> {
        if (outcome.confirmed() && outcome.erased() != null) {
          services.players().forget(new Privacy.AccountsErased(outcome.erased().telegramIds(),
              outcome.erased().discordIds()));
        }
        services.replies().reply(command, Texts.privacyDelete(command.lang(), outcome));
      }).mapEmpty();
    }
    services.replies().reply(command, Texts.privacyUsage(command.lang()));
    return Future.succeededFuture();
  }

  private Future<Void> roles(IncomingCommand command, String choice) {
    if (!OFF.contains(choice) && !ON.contains(choice)) {
      services.replies().reply(command, Texts.privacyRolesUsage(command.lang()));
      return Future.succeededFuture();
    }
    return services.bus().privacyRoles(new Privacy.RolesChange(command.userId(), null, ON.contains(choice)))
        .onSuccess(roles -> services.replies().reply(command, Texts.privacyRoles(command.lang(), roles)))
        .mapEmpty();
  }

  /** Queued like every reply, paced per chat; not waited for, the queue retries on its own. */
  private Future<Void> export(IncomingCommand command) {
    return services.bus().privacyExport(Privacy.Account.telegram(command.userId())).onSuccess(file -> {
      byte[] json = file.json().getBytes(StandardCharsets.UTF_8);
      // A ByteArrayInputStream can be rewound, so a retried send uploads the same bytes again.
      SendDocument document = SendDocument.builder().chatId(command.chatId())
          .document(new InputFile(new ByteArrayInputStream(json), file.fileName()))
          .caption(Texts.privacyExportCaption(command.lang())).build();
      services.queue().submit(command.chatId(), document).onFailure(error ->
          log.warn("Data export for /privacy in chat {} was not delivered: {}", command.chatId(), error.getMessage()));
    }).mapEmpty();
  }
}
