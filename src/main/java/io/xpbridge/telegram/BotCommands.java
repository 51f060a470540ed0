package io.xpbridge.telegram;

import java.util.List;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/** The command menu Telegram shows, in Russian (language_code "ru") and English (the default). */
final class BotCommands {

  private BotCommands() {}

  static List<SetMyCommands> menus() {
    return List.of(
        SetMyCommands.builder().commands(commands(Lang.RU)).languageCode("ru").build(),
        SetMyCommands.builder().commands(commands(Lang.EN)).build());
  }

  private static List<BotCommand> commands(Lang lang) {
    return Texts.commandMenu(lang).entrySet().stream()
        .map(entry -> new BotCommand(entry.getKey(), entry.getValue()))
        .toList();
  }
}
