package io.xpbridge.discord;

import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Links;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Refusal;
import java.math.BigDecimal;

/**
 * Every sentence the Discord bot says, in Russian and English: the Russian names and descriptions the
 * commands are registered with, the answers to slash commands (in the caller's language), the posts in
 * the announce channel (in {@code discord.announceLocale}) and the setup problems shown to moderators
 * (both languages at once). One file on purpose, longer than our classes usually are: whoever checks
 * or translates the bot's words reads them all in one place. Names of ranks and achievements are not
 * here: they come from the config, in the asked language. Log lines for operators stay English, next
 * to the code that logs them.
 */
final class Texts {

  /** One text in both languages. For command and option names, {@code en} is the name the bot dispatches on. */
  record Phrase(String ru, String en) {
    String in(Lang lang) {
      return lang == Lang.RU ? ru : en;
    }
  }

  private Texts() {}

  private static String t(Lang lang, String ru, String en) {
    return lang == Lang.RU ? ru : en;
  }

  // ---- commands as registered: Russian names are lowercase, as Discord requires ----

  static final Phrase LINK = new Phrase("привязать", "link");
  static final Phrase LINK_DESCRIPTION = new Phrase("Связать этот аккаунт Discord с профилем в Telegram",
      "Link this Discord account with your Telegram profile");
  static final Phrase LINK_CODE = new Phrase("код", "code");
  static final Phrase LINK_CODE_DESCRIPTION = new Phrase(
      "Код из команды /link бота в Telegram (оставьте пустым, чтобы получить код)",
      "A code from the Telegram bot's /link (leave empty to get a code)");
  static final Phrase UNLINK = new Phrase("отвязать", "unlink");
  static final Phrase UNLINK_DESCRIPTION = new Phrase("Отвязать этот аккаунт Discord от профиля в Telegram",
      "Unlink this Discord account from your Telegram profile");
  static final Phrase PROFILE = new Phrase("профиль", "profile");
  static final Phrase PROFILE_DESCRIPTION = new Phrase("Показать ваш опыт, звание, баланс и достижения",
      "Show your XP, rank, balance and achievements");
  static final Phrase SYNC = new Phrase("синхронизировать", "sync");
  static final Phrase SYNC_DESCRIPTION = new Phrase("Перепроверить роли званий и достижений прямо сейчас",
      "Re-check your rank and achievement roles now");
  static final Phrase RANK = new Phrase("ранг", "rank");
  static final Phrase RANK_DESCRIPTION = new Phrase("Показать вашу карточку: звание, опыт и место",
      "Show your rank card: rank, XP and place");
  static final Phrase TOP = new Phrase("топ", "top");
  static final Phrase TOP_DESCRIPTION = new Phrase("Показать таблицу лидеров", "Show the leaderboard");
  static final Phrase TOP_PERIOD = new Phrase("период", "period");
  static final Phrase TOP_PERIOD_DESCRIPTION = new Phrase(
      "Какая таблица: этот сезон (по умолчанию) или всё время",
      "Which standings: this season (default) or all time");
  static final Phrase TOP_PERIOD_SEASON = new Phrase("Этот сезон", "This season");
  static final Phrase TOP_PERIOD_ALL = new Phrase("За всё время", "All time");
  static final Phrase PRIVACY = new Phrase("приватность", "privacy");
  static final Phrase PRIVACY_DESCRIPTION = new Phrase(
      "Ваши данные: таблицы лидеров, роли, экспорт, удаление",
      "Your data: public leaderboards, roles, export, delete");
  static final Phrase PRIVACY_LEADERBOARD = new Phrase("таблица", "leaderboard");
  static final Phrase PRIVACY_LEADERBOARD_DESCRIPTION = new Phrase(
      "Скрыть себя из таблиц лидеров или снова показать (пусто: узнать, как сейчас)",
      "Hide yourself from the leaderboards or show yourself again (empty: see how it is now)");
  static final Phrase PRIVACY_HIDE = new Phrase("Скрыть меня", "Hide me");
  static final Phrase PRIVACY_SHOW = new Phrase("Показывать меня", "Show me");
  static final Phrase PRIVACY_ROLES = new Phrase("роли", "roles");
  static final Phrase PRIVACY_ROLES_DESCRIPTION = new Phrase(
      "Выдавать ли вам роли званий и достижений в Discord",
      "Whether you get rank and achievement roles in Discord");
  static final Phrase PRIVACY_ROLES_OFF = new Phrase("Не выдавать роли", "Stop my roles");
  static final Phrase PRIVACY_ROLES_ON = new Phrase("Выдавать роли", "Give my roles");
  static final Phrase PRIVACY_DATA = new Phrase("данные", "data");
  static final Phrase PRIVACY_DATA_DESCRIPTION = new Phrase(
      "Скачать ваши данные файлом JSON или стереть их",
      "Download your data as a JSON file, or erase it");
  static final Phrase PRIVACY_EXPORT = new Phrase("Скачать мои данные", "Download my data");
  static final Phrase PRIVACY_DELETE = new Phrase("Удалить мои данные", "Delete my data");

  /** A command of this bot as the caller sees it in their client, e.g. "/привязать". */
  private static String command(Lang lang, Phrase name) {
    return "/" + name.in(lang);
  }

  // ---- failures ----

  static String notAnswering(Lang lang) {
    return t(lang, "xpbridge сейчас не отвечает (возможно, сервис перезапускается). Попробуйте через минуту.",
        "xpbridge is not answering right now (the service may be restarting). Please try again in a minute.");
  }

  static String unexpected(Lang lang) {
    return t(lang, "При выполнении команды у нас что-то пошло не так. Ошибка записана; попробуйте позже.",
        "Something went wrong on our side while running this command. It has been logged; please try again later.");
  }

  static String noProfile(Lang lang) {
    return t(lang, "У вас ещё нет профиля. Пишите на сервере или зайдите в голосовой канал, чтобы получать опыт, "
            + "или перенесите профиль из Telegram командой " + command(lang, LINK) + ".",
        "You have no profile yet. Write in the server or join a voice channel to earn XP, "
            + "or use " + command(lang, LINK) + " to bring your Telegram profile over.");
  }

  /** /rank for someone with no card: no profile yet, or hidden from the public leaderboard. */
  static String noRankCard(Lang lang) {
    return t(lang, "Карточки пока нет: у вас ещё нет профиля или он скрыт из публичной таблицы. "
            + "Пишите на сервере или зайдите в голосовой канал, чтобы получать опыт.",
        "No rank card yet: you have no profile, or it is hidden from the public leaderboard. "
            + "Write in the server or join a voice channel to earn XP.");
  }

  /** Each refusal in words. Commands of the Telegram bot keep their Telegram names. */
  static String refusal(Lang lang, Refusal.Refused refused) {
    return switch (refused.refusal()) {
      case NO_PROFILE -> noProfile(lang);
      case LINK_CODE_UNKNOWN -> t(lang,
          "Этот код неизвестен, уже использован или истёк. Получите новый командой " + command(lang, LINK) + ".",
          "This code is unknown, already used or expired. Ask for a new one with " + command(lang, LINK) + ".");
      case LINK_CODE_SAME_PLATFORM -> t(lang,
          "Этот код создан здесь, в Discord; введите его в боте Telegram: /link КОД.",
          "This code was made here in Discord; enter it in the Telegram bot with /link CODE.");
      case LINK_ISSUER_ALREADY_LINKED -> t(lang,
          "Этот аккаунт Telegram уже привязан к другому аккаунту Discord. Сначала отвяжите его там командой /unlink.",
          "That Telegram account is already linked to another Discord account. Unlink it there first with /unlink.");
      case LINK_CALLER_ALREADY_LINKED -> t(lang,
          "Ваш аккаунт Discord уже привязан к другому профилю. Сначала выполните " + command(lang, UNLINK) + ".",
          "Your Discord account is already linked to another profile. Use " + command(lang, UNLINK) + " first.");
      case LINK_ALREADY_LINKED -> t(lang, "Эти аккаунты уже связаны.", "These accounts are already linked.");
      case LINK_TOO_MANY_ATTEMPTS -> refused.detail() == null || !refused.detail().matches("\\d{1,6}")
          ? t(lang, "Слишком много неверных кодов. Попробуйте позже.", "Too many wrong codes. Please try again later.")
          : t(lang, "Слишком много неверных кодов. Попробуйте через " + refused.detail() + " мин.",
              "Too many wrong codes. Try again in " + refused.detail() + " min.");
      case DAILY_NOT_GRANTED -> t(lang,
          "Сегодняшнюю ежедневную награду выдать не удалось: журнал её не принял. Сообщите администратору.",
          "Today's daily reward could not be granted: the ledger did not accept it. Please tell an admin.");
      case KEY_REUSED -> t(lang, "Это уже засчитано.", "That was already counted.");
    };
  }

  // ---- /link, /unlink, /sync ----

  static String linked(Lang lang, Links.Redeemed linked) {
    return String.format(t(lang, "Готово! Аккаунты Discord и Telegram теперь делят один профиль: %d опыта, %d монет.",
            "Linked! Your Discord and Telegram accounts now share one profile: %d XP, %d coins."),
        linked.mergedXp(), linked.mergedBalance());
  }

  /** The code to type in the Telegram bot; {@code botUsername} (without "@") adds a link that types it. */
  static String linkCode(Lang lang, String code, long minutes, String botUsername) {
    StringBuilder text = new StringBuilder(t(lang,
        "Ваш код привязки: **" + code + "** (одноразовый, действует " + minutes + " мин.).\n"
            + "Отправьте `/link " + code + "` боту в Telegram",
        "Your link code: **" + code + "** (single use, valid for " + minutes
            + (minutes == 1 ? " minute" : " minutes") + ").\n"
            + "Send `/link " + code + "` to the Telegram bot"));
    if (botUsername != null) {
      text.append(t(lang, " или откройте ", ", or open "))
          .append("https://t.me/").append(botUsername).append("?start=link_").append(code);
    }
    return text.append('.').toString();
  }

  static String unlinked(Lang lang, boolean unlinked) {
    return unlinked
        ? t(lang, "Отвязано. Ваш аккаунт Discord больше не связан с профилем в Telegram.",
            "Unlinked. Your Discord account is no longer connected to your Telegram profile.")
        : t(lang, "Ваш аккаунт Discord не привязан к профилю в Telegram, отвязывать нечего.",
            "Your Discord account is not linked to a Telegram profile, so there was nothing to unlink.");
  }

  static String synced(Lang lang, Admin.ReconcileReport report) {
    if (report.divergences() == 0) {
      return t(lang, "Ваш профиль в порядке: исправлять нечего.", "Your profile is in sync: nothing to fix.");
    }
    return String.format(t(lang,
            "Расхождений между вашим профилем и тем, что показывают платформы: %d; исправлено: %d."
                + " Роли могут обновиться через несколько секунд.",
            "Found %d difference(s) between your profile and what the platforms show; corrected %d."
                + " Role changes can take a few seconds to appear."),
        report.divergences(), report.corrected());
  }

  // ---- /profile ----

  static String profileTitle(Lang lang, String username) {
    return t(lang, "Профиль ", "Profile of ") + username;
  }

  static String xp(Lang lang) {
    return t(lang, "Опыт", "XP");
  }

  static String rank(Lang lang) {
    return t(lang, "Звание", "Rank");
  }

  static String toNextRank(Lang lang) {
    return t(lang, "До следующего звания", "To next rank");
  }

  static String nextRank(Lang lang, Players.Profile profile) {
    Players.RankView next = profile.nextRank();
    return next == null ? t(lang, "Высшее звание достигнуто", "Top rank reached")
        : profile.xpToNextRank() + t(lang, " опыта до звания ", " XP to ") + nameOf(next.name());
  }

  static String balance(Lang lang) {
    return t(lang, "Баланс", "Balance");
  }

  static String coins(Lang lang, long balance) {
    return balance + t(lang, " монет", " coins");
  }

  static String seasonFieldName(Lang lang, Players.Profile profile) {
    return t(lang, "Сезон: ", "Season: ") + profile.seasonName();
  }

  static String seasonFieldValue(Lang lang, Players.Profile profile) {
    return profile.seasonPlace() == null ? t(lang, "В этом сезоне опыта пока нет", "No XP yet this season")
        : profile.seasonXp() + t(lang, " опыта · место #", " XP · place #") + profile.seasonPlace();
  }

  static String telegramLink(Lang lang, boolean linked) {
    return linked ? t(lang, "Привязан", "Linked")
        : t(lang, "Не привязан (", "Not linked (use ") + command(lang, LINK) + t(lang, ")", ")");
  }

  static String achievements(Lang lang) {
    return t(lang, "Достижения", "Achievements");
  }

  static String noAchievements(Lang lang) {
    return t(lang, "Пока нет", "None yet");
  }

  static String boostName(Lang lang, Players.ActiveBoost boost) {
    return t(lang, "Буст: ", "Boost: ") + boost.name();
  }

  static String boostValue(Lang lang, Players.ActiveBoost boost) {
    return "×" + BigDecimal.valueOf(boost.multiplier()).stripTrailingZeros().toPlainString()
        + t(lang, " в ", " on ") + String.join(t(lang, " и ", " and "), boost.platforms())
        + t(lang, " до ", " until ") + boost.until();
  }

  static String profileLink(Lang lang) {
    return t(lang, "Страница игрока", "Player page");
  }

  static String hiddenFromStandings(Lang lang) {
    return t(lang, "Скрыт из публичных таблиц (" + command(lang, PRIVACY) + ")",
        "Hidden from public standings (" + command(lang, PRIVACY) + ")");
  }

  // ---- /privacy ----

  /** The caller's visibility now; {@code asked} when this command tried to change it. */
  static String privacy(Lang lang, Players.Visibility now, boolean asked) {
    String change = command(lang, PRIVACY) + " " + PRIVACY_LEADERBOARD.in(lang) + ":";
    String state;
    if (now.hidden()) {
      state = asked && now.changed()
          ? t(lang, "Готово: вас больше нет в публичных таблицах лидеров.",
              "Done: you are no longer on the public leaderboards.")
          : t(lang, "Вы скрыты из публичных таблиц лидеров.", "You are hidden from the public leaderboards.");
      return state + t(lang,
          " Вас нет в " + command(lang, TOP) + " здесь и в Telegram, на сайте и в итогах сезона (без места нет и"
              + " награды за сезон); опыт и звание сохраняются, " + command(lang, PROFILE) + " работает. Показать снова: "
              + change + PRIVACY_SHOW.ru(),
          " You are left out of " + command(lang, TOP) + " here and in Telegram, the web leaderboard and season"
              + " results (no place means no season reward); your XP and rank stay, " + command(lang, PROFILE)
              + " works. To appear again: " + change + PRIVACY_SHOW.en());
    }
    state = asked && now.changed()
        ? t(lang, "Готово: вы снова в публичных таблицах лидеров.", "Done: you are on the public leaderboards again.")
        : t(lang, "Вы видны в публичных таблицах лидеров.", "You are shown on the public leaderboards.");
    return state + t(lang,
        " Вас видно в " + command(lang, TOP) + " здесь и в Telegram, на сайте и в итогах сезона. Скрыться: "
            + change + PRIVACY_HIDE.ru(),
        " You appear in " + command(lang, TOP) + " here and in Telegram, on the web leaderboard and in season"
            + " results. To hide: " + change + PRIVACY_HIDE.en());
  }

  /** Every /privacy action with its exact syntax, as the caller's client shows the names. */
  static String privacyActions(Lang lang) {
    String privacy = command(lang, PRIVACY) + " ";
    String leaderboard = privacy + PRIVACY_LEADERBOARD.in(lang) + ":";
    String roles = privacy + PRIVACY_ROLES.in(lang) + ":";
    String data = privacy + PRIVACY_DATA.in(lang) + ":";
    return t(lang, "Действия:", "Actions:")
        + "\n" + leaderboard + PRIVACY_HIDE.in(lang) + " | " + leaderboard + PRIVACY_SHOW.in(lang)
        + t(lang, " — таблицы лидеров", " — the leaderboards")
        + "\n" + roles + PRIVACY_ROLES_OFF.in(lang) + " | " + roles + PRIVACY_ROLES_ON.in(lang)
        + t(lang, " — роли званий и достижений здесь", " — rank and achievement roles here")
        + "\n" + data + PRIVACY_EXPORT.in(lang)
        + t(lang, " — файл JSON с профилем, привязками и историей", " — a JSON file with your profile, links and history")
        + "\n" + data + PRIVACY_DELETE.in(lang)
        + t(lang, " — стереть ваши данные (спросим подтверждение)", " — erase your data (asks to confirm)");
  }

  /** /privacy without options: the visibility, then what is kept about the caller, then the actions. */
  static String privacyOverview(Lang lang, io.xpbridge.bus.Privacy.Overview o) {
    String none = t(lang, "не привязан", "not linked");
    String telegram = o.telegramId() == null ? none
        : "id " + o.telegramId() + (o.telegramUsername() == null ? "" : " (@" + o.telegramUsername() + ")");
    String discord = o.discordId() == null ? none
        : "id " + o.discordId() + (o.discordUsername() == null ? "" : " (" + o.discordUsername() + ")");
    String roles = o.rolesSync() == null ? "—" : o.rolesSync() ? t(lang, "включены", "on") : t(lang, "выключены", "off");
    String name = o.displayName() == null ? "—" : o.displayName();
    String rank = o.rank() == null ? "" : o.rank().name() + " (" + o.rank().number() + ")";
    String kept = t(lang,
        "Что о вас хранится:\n• имя: " + name + "\n• Telegram: " + telegram + "\n• Discord: " + discord
            + "\n• опыт: " + o.xp() + ", монеты: " + o.balance() + ", звание: " + rank
            + "\n• достижений: " + o.achievements() + "\n• роли званий в Discord: " + roles
            + "\n• записей истории (события и аудит): " + o.historyRows(),
        "What is kept about you:\n• name: " + name + "\n• Telegram: " + telegram + "\n• Discord: " + discord
            + "\n• XP: " + o.xp() + ", coins: " + o.balance() + ", rank: " + rank
            + "\n• achievements: " + o.achievements() + "\n• Discord rank roles: " + roles
            + "\n• history rows (events and audit): " + o.historyRows());
    Players.Visibility visibility = new Players.Visibility(o.playerId(), o.publicId(), o.hidden(), false);
    return privacy(lang, visibility, false) + "\n\n" + kept + "\n\n" + privacyActions(lang);
  }

  static String privacyRoles(Lang lang, io.xpbridge.bus.Privacy.Roles roles) {
    String change = command(lang, PRIVACY) + " " + PRIVACY_ROLES.in(lang) + ":";
    if (!roles.discordLinked()) {
      return t(lang, "Роли синхронизировать некуда: у этого аккаунта нет профиля с ролями.",
          "There are no roles to sync for this account.");
    }
    if (!roles.enabled()) {
      return roles.changed()
          ? t(lang, "Готово: роли званий и достижений вам больше не выдаются, текущие снимем один раз. Опыт и звание"
                  + " сохраняются. Включить снова: " + change + PRIVACY_ROLES_ON.ru(),
              "Done: rank and achievement roles no longer follow you; the ones you have now are taken off once. Your"
                  + " XP and rank stay. To turn it on again: " + change + PRIVACY_ROLES_ON.en())
          : t(lang, "Роли и так не синхронизируются. Включить: " + change + PRIVACY_ROLES_ON.ru(),
              "Role sync is off already. To turn it on: " + change + PRIVACY_ROLES_ON.en());
    }
    return roles.changed()
        ? t(lang, "Готово: роли снова следуют за вашим званием и достижениями, нужные выдадим сейчас. Выключить: "
                + change + PRIVACY_ROLES_OFF.ru(),
            "Done: your roles follow your rank and achievements again; the right ones are given now. To turn it off: "
                + change + PRIVACY_ROLES_OFF.en())
        : t(lang, "Роли и так синхронизируются. Выключить: " + change + PRIVACY_ROLES_OFF.ru(),
            "Role sync is on already. To turn it off: " + change + PRIVACY_ROLES_OFF.en());
  }

  static String privacyExport(Lang lang) {
    return t(lang, "Ваши данные: профиль, привязки и история (JSON).", "Your data: profile, links and history (JSON).");
  }

  static String privacyDelete(Lang lang, io.xpbridge.bus.Privacy.DeleteOutcome outcome) {
    String again = command(lang, PRIVACY) + " " + PRIVACY_DATA.in(lang) + ":" + PRIVACY_DELETE.in(lang);
    if (!outcome.confirmed()) {
      return t(lang, "Удаление сотрёт ваши имена и id в Discord и Telegram, отвяжет оба аккаунта и уберёт вас из всех"
              + " таблиц; опыт, звание и монеты будут потеряны. Отменить нельзя. Чтобы подтвердить, выполните "
              + again + " ещё раз в течение " + outcome.confirmSeconds() + " секунд.",
          "Deleting erases your names and ids in Discord and Telegram, unlinks both accounts and takes you off every"
              + " leaderboard; your XP, rank and coins are lost. This cannot be undone. To confirm, run " + again
              + " again within " + outcome.confirmSeconds() + " seconds.");
    }
    return t(lang, "Готово: ваши данные стёрты, аккаунты отвязаны. Если вы снова будете писать здесь, начнётся новый"
            + " профиль с нуля.",
        "Done: your data is erased and your accounts are unlinked. If you are active here again, a new profile starts"
            + " from zero.");
  }

  static String privacyOneOption(Lang lang) {
    return t(lang, "Выберите что-то одно: таблицу, роли или данные.", "Choose one thing at a time: leaderboard, roles or data.");
  }

  // ---- /top ----

  static String topTitle(Lang lang, Players.Top top) {
    String board = t(lang, "Таблица лидеров", "Leaderboard");
    if (top.allTime()) {
      return board + t(lang, " — за всё время", " — all time");
    }
    return top.seasonName() == null ? board : board + " — " + top.seasonName();
  }

  static String nobody(Lang lang, Players.Top top) {
    return top.allTime() || top.scope() == null
        ? t(lang, "Пока никто не заработал опыт.", "Nobody has earned XP yet.")
        : t(lang, "В этом сезоне пока никто не заработал опыт.", "Nobody has earned XP this season yet.");
  }

  static String entry(Lang lang, Players.TopEntry entry) {
    StringBuilder line = new StringBuilder().append('#').append(entry.place()).append(' ')
        .append(entry.displayName() == null ? t(lang, "игрок ", "player ") + entry.playerId() : entry.displayName())
        .append(" — ").append(entry.xp()).append(t(lang, " опыта", " XP"));
    if (entry.rank() != null && entry.rank().name() != null && !entry.rank().name().isEmpty()) {
      line.append(" (").append(entry.rank().name()).append(')');
    }
    return line.toString();
  }

  /** The caller's place, or that they have none, and where the other standings are; null when unknown. */
  static String topFooter(Lang lang, Players.Top top) {
    String place = top.callerHidden()
        ? t(lang, "Вы скрыты из таблиц: " + command(lang, PRIVACY), "You are hidden from the standings: "
            + command(lang, PRIVACY))
        : top.caller() != null
        ? t(lang, "Ваше место: #" + top.caller().place() + ", " + top.caller().xp() + " опыта",
            "Your place: #" + top.caller().place() + " with " + top.caller().xp() + " XP")
        : top.allTime() ? t(lang, "У вас пока нет места: заработайте опыт", "You have no place yet: earn some XP")
        : top.scope() != null
            ? t(lang, "В этом сезоне у вас пока нет места: заработайте опыт",
                "You have no place this season yet: earn some XP")
            : null;
    if (top.scope() == null) {
      return place;
    }
    String topCommand = command(lang, TOP);
    return place + (top.allTime()
        ? t(lang, " · этот сезон: ", " · this season: ") + topCommand
        : t(lang, " · за всё время: ", " · all time: ") + topCommand + " " + TOP_PERIOD.in(lang) + ":"
            + t(lang, TOP_PERIOD_ALL.ru(), Players.ALL_TIME));
  }

  static String nameOf(String name) {
    return name == null ? "" : name;
  }

  // ---- posts in the announce channel (discord.announceLocale); names already escaped ----

  static String rankUpPost(Lang lang, String member, int rank, String rankName) {
    return t(lang, "🎖️ " + member + " — новый ранг " + rank + ": «" + rankName + "»!",
        "🎖️ " + member + " reached rank " + rank + ": \"" + rankName + "\"!");
  }

  static String achievementPost(Lang lang, String member, String achievementName) {
    return t(lang, "🏅 " + member + " — новое достижение: «" + achievementName + "»!",
        "🏅 " + member + " unlocked the achievement \"" + achievementName + "\"!");
  }

  static String seasonOver(Lang lang, String seasonName) {
    return t(lang, "🏆 Сезон «" + seasonName + "» завершён!", "🏆 Season \"" + seasonName + "\" is over!");
  }

  static String seasonWithoutWinners(Lang lang) {
    return t(lang, " В этом сезоне никто не набрал опыта.", " Nobody earned XP this season.");
  }

  static String seasonWinners(Lang lang) {
    return t(lang, " Победители:", " The winners:");
  }

  static String andMore(Lang lang, int more) {
    return t(lang, "…и ещё " + more, "…and " + more + " more");
  }

  static String xpAmount(Lang lang, long xp) {
    return xp + t(lang, " опыта", " XP");
  }

  static String coinsReward(Lang lang, long coins) {
    return "+" + coins + t(lang, " монет", " coins");
  }

  static String quoted(Lang lang, String name) {
    return t(lang, "«" + name + "»", "\"" + name + "\"");
  }

  // ---- setup problems: logged, in /health/ready and posted to discord.alertChannelId in both languages ----

  /** What a configured role is for, e.g. "rank 20 Marshal". */
  static Phrase rankRole(int number, String nameRu, String nameEn) {
    return new Phrase("ранга " + number + " " + nameRu, "rank " + number + " " + nameEn);
  }

  static Phrase achievementRole(String nameRu, String nameEn) {
    return new Phrase("достижения " + nameRu, "achievement " + nameEn);
  }

  static final Phrase SOME_ROLE = new Phrase("ранга или достижения", "a rank or achievement");

  static Phrase noManageRoles() {
    return new Phrase("У бота нет права «Управлять ролями», поэтому он не может выдавать роли рангов и достижений. "
            + "В настройках сервера > Роли дайте роли бота право «Управлять ролями».",
        "The bot lacks the Manage Roles permission, so it cannot give rank and achievement roles. "
            + "In Server Settings > Roles, grant Manage Roles to the bot's role.");
  }

  static Phrase roleMissing(String roleId, Phrase what, String configKey) {
    return new Phrase("Роли " + roleId + " для " + what.ru() + " нет на сервере. Создайте её или исправьте "
            + configKey + " в конфигурации.",
        "Role " + roleId + " configured for " + what.en() + " does not exist in the server. Create it, or fix "
            + configKey + " in the config.");
  }

  /** Discord said Missing Permissions although the bot's cache shows nothing wrong: say what to check. */
  static Phrase roleRefused(String roleName, Phrase what) {
    return new Phrase("Discord отказал в выдаче роли «" + roleName + "» (роль " + what.ru() + "): нет прав. "
            + "В настройках сервера > Роли проверьте право «Управлять ролями» у роли бота и перетащите её выше «"
            + roleName + "».",
        "Discord refused to give role '" + roleName + "' (" + what.en() + ") with Missing Permissions. "
            + "In Server Settings > Roles, check that the bot's role has Manage Roles and drag it above '"
            + roleName + "'.");
  }

  /** {@code botRoleName} may be null (the bot has no role of its own). */
  static Phrase roleAboveBot(String roleName, Phrase what, String botRoleName) {
    String botRoleRu = botRoleName == null ? "" : " («" + botRoleName + "»)";
    String botRoleEn = botRoleName == null ? "" : " ('" + botRoleName + "')";
    return new Phrase("Бот не может выдать роль «" + roleName + "» (роль " + what.ru() + "): она не ниже высшей "
            + "роли бота" + botRoleRu + ". В настройках сервера > Роли перетащите роль бота выше «" + roleName + "».",
        "The bot cannot give role '" + roleName + "' (" + what.en() + "): it is not below the bot's highest role"
            + botRoleEn + ". In Server Settings > Roles, drag the bot's role above '" + roleName + "'.");
  }

  static Phrase channelMissing(String channelId, String configKey) {
    return new Phrase("Канала " + channelId + " (" + configKey + ") нет на сервере, или бот его не видит. Укажите в "
            + configKey + " текстовый канал сервера или null.",
        "Channel " + channelId + " (" + configKey + ") does not exist in the server or the bot cannot see it. Set "
            + configKey + " to a text channel of the server, or to null.");
  }

  static Phrase channelNotWritable(String channelName, String channelId, String configKey) {
    return new Phrase("Бот не может писать в канал #" + channelName + " (" + channelId + ", " + configKey + "). "
            + "Дайте роли бота права «Просматривать канал» и «Отправлять сообщения» там или выберите другой канал.",
        "The bot may not write in channel #" + channelName + " (" + channelId + ", " + configKey + "). Give the "
            + "bot's role View Channel and Send Messages there, or choose another channel.");
  }

  static final String ALERT_HEADER = "⚠️ xpbridge: Discord setup problem(s) / проблемы настройки Discord:";

  static String alertMore(int more) {
    return "… " + more + " more, see /health/ready / ещё " + more + ", см. /health/ready";
  }
}
