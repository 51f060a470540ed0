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
    boolean ru = lang == Lang.RU;
    return List.of(
        new BotCommand("profile", ru ? "Опыт, звание, баланс, достижения" : "XP, rank, balance, achievements"),
        new BotCommand("daily", ru ? "Ежедневная награда" : "Daily reward"),
        new BotCommand("play", ru ? "Сыграть на опыт и монеты" : "Play for XP and coins"),
        new BotCommand("top", ru ? "Лучшие игроки сезона (/top all — за всё время)" : "Top players of the season (/top all: all time)"),
        new BotCommand("link", ru ? "Связать с Discord" : "Link with Discord"),
        new BotCommand("unlink", ru ? "Отвязать Discord" : "Unlink Discord"),
        new BotCommand("sync", ru ? "Сверить профиль с Discord" : "Check your profile against Discord"),
        new BotCommand("help", ru ? "Справка" : "Help"),
        new BotCommand("start", ru ? "Начать" : "Start"));
  }
}
