package io.xpbridge.telegram;

import io.vertx.core.eventbus.ReplyException;
import io.xpbridge.bus.Admin;
import io.xpbridge.bus.Platforms;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Privacy;
import io.xpbridge.bus.Refusal;
import io.xpbridge.config.TelegramDice;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every sentence the bot says, in Russian and English. Plain text (no parse mode), so names and
 * codes typed by players can never break the message. One file on purpose, longer than our
 * classes usually are: whoever checks or translates the bot's words reads them all in one place.
 */
final class Texts {

  /** Telegram rejects longer texts; names from the bus are cut well below that. */
  static final int MAX_NAME_CHARS = 64;

  private Texts() {}

  private static String t(Lang lang, String ru, String en) {
    return lang == Lang.RU ? ru : en;
  }

  // ---- /start, /help, chatter ----

  /** The command menu's descriptions, by command, in menu order. */
  static Map<String, String> commandMenu(Lang lang) {
    Map<String, String> menu = new LinkedHashMap<>();
    menu.put("profile", t(lang, "Опыт, звание, баланс, достижения", "XP, rank, balance, achievements"));
    menu.put("rank", t(lang, "Карточка звания", "Your rank card"));
    menu.put("daily", t(lang, "Ежедневная награда", "Daily reward"));
    menu.put("play", t(lang, "Сыграть на опыт и монеты", "Play for XP and coins"));
    menu.put("top", t(lang, "Лучшие игроки сезона (/top all — за всё время)",
        "Top players of the season (/top all: all time)"));
    menu.put("link", t(lang, "Связать с Discord", "Link with Discord"));
    menu.put("unlink", t(lang, "Отвязать Discord", "Unlink Discord"));
    menu.put("sync", t(lang, "Сверить профиль с Discord", "Check your profile against Discord"));
    menu.put("privacy", t(lang, "Ваши данные: таблицы, роли, экспорт, удаление",
        "Your data: leaderboards, roles, export, delete"));
    menu.put("help", t(lang, "Справка", "Help"));
    menu.put("start", t(lang, "Начать", "Start"));
    return menu;
  }

  static String welcome(Lang lang, boolean created) {
    String greeting = created
        ? t(lang, "👋 Добро пожаловать! Профиль создан.", "👋 Welcome! Your profile is ready.")
        : t(lang, "👋 С возвращением!", "👋 Welcome back!");
    return greeting + "\n\n" + help(lang);
  }

  static String help(Lang lang) {
    return t(lang,
        """
        Команды:
        /profile — опыт, звание, баланс, достижения
        /rank — карточка звания
        /daily — ежедневная награда
        /play [🎲🎯🏀⚽🎳🎰] — сыграть на опыт и монеты
        /top — десятка лучших сезона и ваше место
        /top all — лучшие за всё время
        /link — связать с Discord (или /link КОД)
        /unlink — отвязать Discord
        /sync — сверить профиль с Discord
        /privacy — ваши данные: видно ли вас в таблицах, роли в Discord, экспорт, удаление
        /help — эта справка""",
        """
        Commands:
        /profile — XP, rank, balance, achievements
        /rank — your rank card
        /daily — daily reward
        /play [🎲🎯🏀⚽🎳🎰] — play for XP and coins
        /top — the season's top 10 and your place
        /top all — the top of all time
        /link — link with Discord (or /link CODE)
        /unlink — unlink Discord
        /sync — check your profile against Discord
        /privacy — your data: leaderboards, Discord roles, export, delete
        /help — this help""");
  }

  static String unknownCommand(Lang lang, String command) {
    return t(lang, "Не знаю команду /" + cut(command, 32) + ". Список команд: /help",
        "I don't know /" + cut(command, 32) + ". See /help for the commands.");
  }

  static String notACommand(Lang lang) {
    return t(lang, "Я понимаю только команды. Список: /help", "I only understand commands. See /help.");
  }

  static String privateOnly(Lang lang, String botUsername) {
    String where = botUsername == null ? "" : " https://t.me/" + botUsername;
    return t(lang, "Давайте поговорим в личных сообщениях:" + where, "Let's talk in a private chat:" + where);
  }

  // ---- /rank ----

  /** /rank for someone with no card: no XP yet, or hidden from the public leaderboard. */
  static String noRankCard(Lang lang) {
    return t(lang, "Карточки пока нет: у вас ещё нет опыта или профиль скрыт из публичной таблицы. Сыграйте: /play",
        "No rank card yet: you have no XP yet, or your profile is hidden from the public leaderboard. Play: /play");
  }

  // ---- /profile ----

  static String profile(Lang lang, Players.Profile p) {
    return profile(lang, p, null);
  }

  /** {@code pageUrl}: the player's public page, null for none. */
  static String profile(Lang lang, Players.Profile p, String pageUrl) {
    StringBuilder text = new StringBuilder();
    text.append(t(lang, "👤 Ваш профиль\n", "👤 Your profile\n"));
    text.append(t(lang, "Звание: ", "Rank: ")).append(name(p.rank() == null ? null : p.rank().name()))
        .append(" (").append(p.rank() == null ? 1 : p.rank().number())
        .append(t(lang, " из ", " of ")).append(p.rankCount()).append(")\n");
    text.append(t(lang, "Опыт: ", "XP: ")).append(p.xp());
    if (p.nextRank() != null) {
      String next = name(p.nextRank().name());
      long toNext = p.xpToNextRank();
      text.append(t(lang, " — до звания «" + next + "» осталось " + toNext, " — " + toNext + " XP to " + next));
    } else {
      text.append(t(lang, " — высшее звание!", " — top rank!"));
    }
    text.append('\n');
    if (p.seasonName() != null) {
      String season = name(p.seasonName());
      text.append(p.hidden()
          ? t(lang, "Сезон «" + season + "»: " + p.seasonXp() + " опыта, вы скрыты из таблиц (/privacy)",
              "Season \"" + season + "\": " + p.seasonXp() + " XP, you are hidden from the standings (/privacy)")
          : p.seasonPlace() == null
          ? t(lang, "Сезон «" + season + "»: опыта пока нет", "Season \"" + season + "\": no XP yet")
          : t(lang, "Сезон «" + season + "»: " + p.seasonXp() + " опыта, место " + p.seasonPlace(),
              "Season \"" + season + "\": " + p.seasonXp() + " XP, place " + p.seasonPlace())).append('\n');
    }
    text.append(t(lang, "Баланс: ", "Balance: ")).append(p.balance()).append(t(lang, " монет\n", " coins\n"));
    if (p.dailyStreak() > 0) {
      text.append(t(lang, "Серия ежедневных наград: ", "Daily streak: ")).append(p.dailyStreak()).append('\n');
    }
    text.append(t(lang, "Достижения: ", "Achievements: ")).append(achievements(lang, p.achievements())).append('\n');
    for (Players.ActiveBoost boost : p.boosts()) {
      String until = boost.until().length() >= 16 ? boost.until().substring(0, 16).replace('T', ' ') + " UTC" : boost.until();
      text.append(t(lang, "🚀 Буст «" + cut(boost.name(), MAX_NAME_CHARS) + "»: ×" + multiplier(boost.multiplier())
              + " до " + until + "\n",
          "🚀 Boost \"" + cut(boost.name(), MAX_NAME_CHARS) + "\": ×" + multiplier(boost.multiplier()) + " until "
              + until + "\n"));
    }
    text.append(p.discordLinked()
        ? t(lang, "Discord: связан ✅", "Discord: linked ✅")
        : t(lang, "Discord: не связан — /link", "Discord: not linked — /link"));
    if (pageUrl != null) {
      text.append(t(lang, "\nСтраница игрока: ", "\nPlayer page: ")).append(pageUrl);
    }
    return text.toString();
  }

  /** Why a roll paid less than its outcome: the hourly budget or the cooldown, with what it paid. */
  static String gameWithheld(Lang lang, String by, long paidXp) {
    return "cooldown".equals(by)
        ? t(lang, "⏳ Слишком рано после прошлой игры: опыт и монеты не начислены.",
            "⏳ Too soon after your last game: no XP or coins this time.")
        : t(lang, "📉 Часовой лимит опыта: начислено " + paidXp + " XP.",
            "📉 Hourly XP limit reached: " + paidXp + " XP counted.");
  }

  /** 2 for 2.0, 1.5 for 1.5. */
  static String multiplier(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String achievements(Lang lang, List<Players.AchievementView> list) {
    if (list.isEmpty()) {
      return t(lang, "пока нет", "none yet");
    }
    List<String> names = new ArrayList<>();
    for (Players.AchievementView achievement : list) {
      names.add(name(achievement.name() != null ? achievement.name() : achievement.code()));
    }
    return String.join(", ", names);
  }

  static String notRegistered(Lang lang) {
    return t(lang, "Вы ещё не зарегистрированы. Отправьте /start.", "You are not registered yet. Send /start.");
  }

  // ---- /daily ----

  static String dailyClaimed(Lang lang, long xp, long coins, long streak) {
    return t(lang,
        "🎁 Ежедневная награда: +" + xp + " опыта, +" + coins + " монет.\nСерия: " + streak + " дн. подряд.",
        "🎁 Daily reward: +" + xp + " XP, +" + coins + " coins.\nStreak: " + streak + (streak == 1 ? " day." : " days in a row."));
  }

  static String dailyAlreadyClaimed(Lang lang, String nextClaimAt, ZoneId zone, Instant now) {
    Instant next = parseInstant(nextClaimAt);
    if (next == null) {
      return t(lang, "Сегодняшняя награда уже получена. Возвращайтесь завтра!",
          "You already claimed today's reward. Come back tomorrow!");
    }
    Duration wait = Duration.between(now, next);
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    String in = String.format("%02d:%02d", wait.toHours(), wait.toMinutesPart());
    String at = DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(next);
    return t(lang,
        "Сегодняшняя награда уже получена. Следующая через " + in + " (в " + at + ", " + zone.getId() + ").",
        "You already claimed today's reward. Next one in " + in + " (at " + at + " " + zone.getId() + ").");
  }

  static String dailyNotGranted(Lang lang) {
    return t(lang, "🎁 Сегодняшнюю награду начислить не удалось: учёт её не принял. Сообщите администратору.",
        "🎁 Today's reward could not be granted: the ledger did not accept it. Please tell an admin.");
  }

  // ---- /link, /unlink ----

  static String linkCode(Lang lang, String code, long ttlSeconds, String botUsername) {
    long minutes = Math.max(1, ttlSeconds / 60);
    String reverse = botUsername == null
        ? t(lang, "/link КОД", "/link CODE")
        : "https://t.me/" + botUsername + "?start=link_" + t(lang, "КОД", "CODE");
    return t(lang,
        "🔗 Код для связи: " + code + " (действует " + minutes + " мин.)\n"
            + "В Discord введите: /link code:" + code + "\n\n"
            + "Получили код в Discord? Откройте " + reverse + " или отправьте здесь /link КОД.",
        "🔗 Your link code: " + code + " (valid for " + minutes + " min)\n"
            + "In Discord, type: /link code:" + code + "\n\n"
            + "Got a code from Discord instead? Open " + reverse + " or send /link CODE here.");
  }

  static String linked(Lang lang, long mergedXp, long mergedBalance) {
    return t(lang,
        "✅ Discord связан. Общий профиль: " + mergedXp + " опыта, " + mergedBalance + " монет. /profile",
        "✅ Discord linked. Shared profile: " + mergedXp + " XP, " + mergedBalance + " coins. /profile");
  }

  static String linkCodeUnknown(Lang lang) {
    return t(lang, "Код не найден, уже использован или истёк. Получите новый в Discord командой /link.",
        "This code is unknown, already used or expired. Get a new one in Discord with /link.");
  }

  /** {@code minutes}: how long until the player may try again, when known. */
  static String tooManyAttempts(Lang lang, String minutes) {
    if (minutes == null || !minutes.matches("\\d{1,6}")) {
      return t(lang, "Слишком много неверных кодов. Попробуйте позже.", "Too many wrong codes. Please try again later.");
    }
    return t(lang, "Слишком много неверных кодов. Попробуйте через " + minutes + " мин.",
        "Too many wrong codes. Try again in " + minutes + " min.");
  }

  static String linkCodeFromThisPlatform(Lang lang) {
    return t(lang, "Не получилось связать: этот код выдан здесь, в Telegram. Введите его в Discord: /link code:КОД",
        "Could not link: this code was made here in Telegram. Enter it in Discord: /link code:CODE");
  }

  static String issuerAlreadyLinked(Lang lang) {
    return t(lang, "Не получилось связать: тот аккаунт Discord уже связан с другим Telegram. Сначала отвяжите его там: /unlink",
        "Could not link: that Discord account is already linked to another Telegram account. Unlink it there first with /unlink.");
  }

  static String callerAlreadyLinked(Lang lang) {
    return t(lang, "Не получилось связать: ваш Telegram уже связан с другим профилем. Сначала /unlink.",
        "Could not link: your Telegram account is already linked to another profile. Use /unlink first.");
  }

  static String alreadyLinkedToEachOther(Lang lang) {
    return t(lang, "Эти аккаунты уже связаны. /profile покажет общий профиль.",
        "These accounts are already linked. /profile shows the shared profile.");
  }

  static String unlinked(Lang lang, boolean unlinked) {
    return unlinked
        ? t(lang, "Discord отвязан. Связать снова: /link", "Discord unlinked. Link again with /link")
        : t(lang, "Discord и так не связан. Связать: /link", "Discord is not linked. Link it with /link");
  }

  // ---- /privacy ----

  /** The player's visibility now; {@code asked} when this command tried to change it. */
  static String privacy(Lang lang, Players.Visibility now, boolean asked) {
    if (now.hidden()) {
      String state = asked && now.changed()
          ? t(lang, "🙈 Готово: вас больше нет в публичных таблицах лидеров.",
              "🙈 Done: you are no longer on the public leaderboards.")
          : t(lang, "🙈 Вы скрыты из публичных таблиц лидеров.", "🙈 You are hidden from the public leaderboards.");
      return state + t(lang,
          "\nВас нет в /top здесь и в Discord, на сайте и в итогах сезона (без места нет и награды за сезон);"
              + " опыт и звание сохраняются, /profile работает.\nПоказать снова: /privacy показать",
          "\nYou are left out of /top here and in Discord, the web leaderboard and season results (no place"
              + " means no season reward); your XP and rank stay, /profile works.\nTo appear again: /privacy show");
    }
    String state = asked && now.changed()
        ? t(lang, "👀 Готово: вы снова в публичных таблицах лидеров.", "👀 Done: you are on the public leaderboards again.")
        : t(lang, "👀 Вы видны в публичных таблицах лидеров.", "👀 You are shown on the public leaderboards.");
    return state + t(lang, "\nВас видно в /top здесь и в Discord, на сайте и в итогах сезона.\nСкрыться: /privacy скрыть",
        "\nYou appear in /top here and in Discord, on the web leaderboard and in season results.\nTo hide: /privacy hide");
  }

  static String privacyUsage(Lang lang) {
    return t(lang, "/privacy — видно ли вас в таблицах лидеров; /privacy скрыть или /privacy показать — изменить.",
        "/privacy — whether you appear on the leaderboards; /privacy hide or /privacy show — change it.")
        + "\n" + privacyActions(lang);
  }

  /** Every /privacy action with its exact syntax. */
  static String privacyActions(Lang lang) {
    return t(lang, """
        Действия:
        /privacy скрыть | /privacy показать — таблицы лидеров
        /privacy роли выкл | /privacy роли вкл — роли званий и достижений в Discord
        /privacy экспорт — файл JSON с профилем, привязками и историей
        /privacy удалить — стереть ваши данные (спросим подтверждение)""", """
        Actions:
        /privacy hide | /privacy show — the leaderboards
        /privacy roles off | /privacy roles on — rank and achievement roles in Discord
        /privacy export — a JSON file with your profile, links and history
        /privacy delete — erase your data (asks to confirm)""");
  }

  /** /privacy without arguments: the visibility, then what is kept about the player, then the actions. */
  static String privacyOverview(Lang lang, Privacy.Overview o) {
    String none = t(lang, "не привязан", "not linked");
    String telegram = o.telegramId() == null ? none
        : "id " + o.telegramId() + (o.telegramUsername() == null ? "" : " (@" + cut(o.telegramUsername(), MAX_NAME_CHARS) + ")");
    String discord = o.discordId() == null ? none
        : "id " + o.discordId() + (o.discordUsername() == null ? "" : " (" + cut(o.discordUsername(), MAX_NAME_CHARS) + ")");
    String roles = o.rolesSync() == null ? t(lang, "— (Discord не привязан)", "— (no Discord account linked)")
        : o.rolesSync() ? t(lang, "включены", "on") : t(lang, "выключены", "off");
    String name = o.displayName() == null ? "—" : cut(o.displayName(), MAX_NAME_CHARS);
    String rank = o.rank() == null ? "" : o.rank().name() + " (" + o.rank().number() + ")";
    String kept = t(lang,
        "📋 Что о вас хранится:\n• имя: " + name + "\n• Telegram: " + telegram + "\n• Discord: " + discord
            + "\n• опыт: " + o.xp() + ", монеты: " + o.balance() + ", звание: " + rank
            + "\n• достижений: " + o.achievements() + "\n• роли в Discord по званию: " + roles
            + "\n• записей истории (события и аудит): " + o.historyRows(),
        "📋 What is kept about you:\n• name: " + name + "\n• Telegram: " + telegram + "\n• Discord: " + discord
            + "\n• XP: " + o.xp() + ", coins: " + o.balance() + ", rank: " + rank
            + "\n• achievements: " + o.achievements() + "\n• Discord rank roles: " + roles
            + "\n• history rows (events and audit): " + o.historyRows());
    Players.Visibility visibility = new Players.Visibility(o.playerId(), o.publicId(), o.hidden(), false);
    return privacy(lang, visibility, false) + "\n\n" + kept + "\n\n" + privacyActions(lang);
  }

  static String privacyRoles(Lang lang, Privacy.Roles roles) {
    if (!roles.discordLinked()) {
      return t(lang, "У вас нет привязанного аккаунта Discord: синхронизировать роли некуда. Привязать: /link",
          "There is no Discord account linked to you, so there are no roles to sync. Link one with /link");
    }
    if (!roles.enabled()) {
      return roles.changed()
          ? t(lang, "🔕 Готово: роли званий и достижений в Discord больше не выдаются, текущие снимем один раз."
                  + " Опыт и звание сохраняются.\nВключить снова: /privacy роли вкл",
              "🔕 Done: rank and achievement roles in Discord no longer follow you; the ones you have now are taken"
                  + " off once. Your XP and rank stay.\nTo turn it on again: /privacy roles on")
          : t(lang, "🔕 Роли в Discord и так не синхронизируются. Включить: /privacy роли вкл",
              "🔕 Discord role sync is off already. To turn it on: /privacy roles on");
    }
    return roles.changed()
        ? t(lang, "🔔 Готово: роли в Discord снова следуют за вашим званием и достижениями, нужные выдадим сейчас."
                + "\nВыключить: /privacy роли выкл",
            "🔔 Done: your Discord roles follow your rank and achievements again; the right ones are given now."
                + "\nTo turn it off: /privacy roles off")
        : t(lang, "🔔 Роли в Discord и так синхронизируются. Выключить: /privacy роли выкл",
            "🔔 Discord role sync is on already. To turn it off: /privacy roles off");
  }

  static String privacyRolesUsage(Lang lang) {
    return t(lang, "Укажите: /privacy роли выкл или /privacy роли вкл", "Say which: /privacy roles off or /privacy roles on");
  }

  static String privacyExportCaption(Lang lang) {
    return t(lang, "📦 Ваши данные: профиль, привязки и история (JSON).",
        "📦 Your data: profile, links and history (JSON).");
  }

  static String privacyDelete(Lang lang, Privacy.DeleteOutcome outcome) {
    if (!outcome.confirmed()) {
      return t(lang, "⚠️ Удаление сотрёт ваши имена и id в Telegram и Discord, отвяжет оба аккаунта и уберёт вас из всех"
              + " таблиц; опыт, звание и монеты будут потеряны. Отменить нельзя.\nЧтобы подтвердить, отправьте"
              + " /privacy удалить ещё раз в течение " + outcome.confirmSeconds() + " секунд.",
          "⚠️ Deleting erases your names and ids in Telegram and Discord, unlinks both accounts and takes you off every"
              + " leaderboard; your XP, rank and coins are lost. This cannot be undone.\nTo confirm, send"
              + " /privacy delete again within " + outcome.confirmSeconds() + " seconds.");
    }
    return t(lang, "🗑 Готово: ваши данные стёрты, аккаунты отвязаны. Если вы снова напишете боту, начнётся новый"
            + " профиль с нуля.",
        "🗑 Done: your data is erased and your accounts are unlinked. If you write to the bot again, a new profile"
            + " starts from zero.");
  }

  // ---- /top ----

  static String top(Lang lang, Players.Top top) {
    StringBuilder text = new StringBuilder(topHeader(lang, top)).append('\n');
    if (top.entries().isEmpty()) {
      text.append(top.allTime() || top.scope() == null
          ? t(lang, "Пока никого. Будьте первым: /daily", "Nobody yet. Be the first: /daily")
          : t(lang, "В этом сезоне пока никого. Будьте первым: /daily", "Nobody has XP this season yet. Be the first: /daily"))
          .append('\n');
    }
    for (Players.TopEntry entry : top.entries()) {
      String player = entry.displayName() == null ? t(lang, "игрок", "player") : entry.displayName();
      text.append(entry.place()).append(". ").append(cut(player, MAX_NAME_CHARS))
          .append(" — ").append(entry.xp()).append(t(lang, " опыта", " XP"));
      if (entry.rank() != null) {
        text.append(" (").append(entry.rank().name() != null ? name(entry.rank().name())
            : t(lang, "звание ", "rank ") + entry.rank().number()).append(')');
      }
      text.append('\n');
    }
    if (top.callerHidden()) {
      text.append(t(lang, "\nВы скрыты из таблиц лидеров: /privacy", "\nYou are hidden from the leaderboards: /privacy"));
    } else if (top.caller() != null) {
      text.append(t(lang, "\nВаше место: ", "\nYour place: ")).append(top.caller().place())
          .append(" (").append(top.caller().xp()).append(t(lang, " опыта)", " XP)"));
    } else if (top.allTime()) {
      text.append(t(lang, "\nУ вас пока нет места: наберите опыт.", "\nYou have no place yet: earn some XP."));
    } else if (top.scope() != null) {
      text.append(t(lang, "\nУ вас пока нет места в этом сезоне: наберите опыт.",
          "\nYou have no place this season yet: earn some XP."));
    }
    if (top.scope() != null) {
      text.append(top.allTime() ? t(lang, "\nЛучшие сезона: /top", "\nThis season: /top")
          : t(lang, "\nЗа всё время: /top all", "\nAll time: /top all"));
    }
    return text.toString().trim();
  }

  private static String topHeader(Lang lang, Players.Top top) {
    if (top.allTime()) {
      return t(lang, "🏆 Лучшие игроки за всё время", "🏆 Top players of all time");
    }
    return top.seasonName() == null ? t(lang, "🏆 Лучшие игроки", "🏆 Top players")
        : t(lang, "🏆 Лучшие игроки — ", "🏆 Top players — ") + name(top.seasonName());
  }

  static String topUsage(Lang lang) {
    return t(lang, "/top — лучшие игроки сезона, /top all — за всё время.",
        "/top — the season's top players, /top all — the top of all time.");
  }

  // ---- /sync ----

  static String syncDone(Lang lang, Admin.ReconcileReport report) {
    long divergences = report.divergences();
    long corrected = report.corrected();
    if (divergences == 0) {
      return t(lang, "🔄 Проверено: Telegram и Discord совпадают.", "🔄 Checked: Telegram and Discord agree.");
    }
    return t(lang, "🔄 Найдено расхождений: " + divergences + ", исправлено: " + corrected + ".",
        "🔄 Found " + divergences + " difference(s), corrected " + corrected + ".");
  }

  // ---- /play ----

  /** "🎰 777! Jackpot: +400 XP, +200 coins." or, for an outcome that pays nothing, "🏀 Missed." */
  static String gameResult(Lang lang, String emoji, int value, long xp, long coins) {
    List<String> paid = new ArrayList<>();
    if (xp > 0) {
      paid.add("+" + xp + t(lang, " опыта", " XP"));
    }
    if (coins > 0) {
      paid.add("+" + coins + t(lang, " монет", " coins"));
    }
    String outcome = TelegramDice.of(emoji).map(dice -> gameOutcome(lang, dice, value))
        .orElseGet(() -> t(lang, "Выпало " + value, "You got " + value));
    return emoji + " " + outcome + (paid.isEmpty() ? "" : ": " + String.join(", ", paid)) + ".";
  }

  /** What the animation showed, in words; the values' meanings are described on {@link TelegramDice}. */
  private static String gameOutcome(Lang lang, TelegramDice dice, int value) {
    return switch (dice) {
      case DIE -> t(lang, "Выпало " + value, "You got " + value);
      case DARTS -> value == TelegramDice.DARTS_BULLSEYE ? t(lang, "В яблочко", "Bullseye")
          : value == 1 ? t(lang, "Мимо мишени", "Missed the board")
          : t(lang, "В мишень, " + value + " из 6", "On the board, " + value + " of 6");
      case BASKETBALL -> value >= TelegramDice.BASKETBALL_FIRST_SCORE ? t(lang, "Попадание", "Scored")
          : t(lang, "Мимо", "Missed");
      case FOOTBALL -> value >= TelegramDice.FOOTBALL_FIRST_GOAL ? t(lang, "Гол", "Goal") : t(lang, "Мимо", "Missed");
      case BOWLING -> bowling(lang, value);
      case SLOT_MACHINE -> switch (value) {
        case TelegramDice.SLOT_777 -> t(lang, "777! Джекпот", "777! Jackpot");
        case TelegramDice.SLOT_BARS -> t(lang, "Три BAR", "Three bars");
        case TelegramDice.SLOT_GRAPES -> t(lang, "Три винограда", "Three grapes");
        case TelegramDice.SLOT_LEMONS -> t(lang, "Три лимона", "Three lemons");
        default -> t(lang, "Без совпадения", "No match");
      };
    };
  }

  private static String bowling(Lang lang, int value) {
    return switch (value) {
      case TelegramDice.BOWLING_STRIKE -> t(lang, "Страйк", "Strike");
      case 1 -> t(lang, "Ни одной кегли", "No pins down");
      case 2 -> t(lang, "Сбита 1 кегля", "1 pin down");
      case 3 -> t(lang, "Сбиты 3 кегли", "3 pins down");
      case 4 -> t(lang, "Сбиты 4 кегли", "4 pins down");
      default -> t(lang, "Сбито 5 кеглей", "5 pins down");
    };
  }

  static String gameAlreadyCounted(Lang lang) {
    return t(lang, "Этот бросок уже засчитан.", "This roll was already counted.");
  }

  static String gameCooldown(Lang lang, long seconds) {
    return t(lang, "⏳ Следующая игра через " + seconds + " с.", "⏳ Next game in " + seconds + " s.");
  }

  static String gameUnknownEmoji(Lang lang, List<String> emojis) {
    String allowed = String.join(" ", emojis);
    return t(lang, "Можно играть так: /play и один из " + allowed, "You can play with /play and one of " + allowed);
  }

  static String gameNotCounted(Lang lang) {
    return t(lang, "Бросок сделан, но записать результат не удалось. Попробуйте ещё раз через минуту.",
        "The roll happened but its result could not be recorded. Please try again in a minute.");
  }

  // ---- notifications (EFFECTS_TELEGRAM) ----

  static String rankUp(Lang lang, Players.RankView rank, Players.RankView previousRank, long xp) {
    String name = rank == null ? "?" : name(rank.name());
    long number = rank == null ? 0 : rank.number();
    boolean down = previousRank != null && previousRank.number() > number;
    if (down) {
      return t(lang, "Ваше звание теперь: " + name + " (" + number + "). Опыт: " + xp + ".",
          "Your rank is now " + name + " (" + number + "). XP: " + xp + ".");
    }
    return t(lang, "🎖 Новое звание: " + name + " (" + number + ")! Опыт: " + xp + ".",
        "🎖 Rank up: " + name + " (" + number + ")! XP: " + xp + ".");
  }

  static String achievementUnlocked(Lang lang, Players.AchievementView achievement) {
    String name = achievement == null ? "?" : name(achievement.name() != null ? achievement.name() : achievement.code());
    return t(lang, "🏅 Новое достижение: " + name + "!", "🏅 Achievement unlocked: " + name + "!");
  }

  /**
   * Where the player finished a season and what it paid: "🏆 Season "Spring" is over! You finished
   * #2 with 840 season XP. Reward: +500 coins, achievement "Silver"." Names come in the player's language.
   */
  static String seasonReward(Lang lang, String seasonName, Platforms.SeasonWinner winner) {
    String season = name(seasonName);
    StringBuilder text = new StringBuilder(t(lang,
        "🏆 Сезон «" + season + "» завершён! Ваше место: " + winner.place() + ", опыт за сезон: " + winner.xp() + ".",
        "🏆 Season \"" + season + "\" is over! You finished #" + winner.place() + " with " + winner.xp()
            + " season XP."));
    List<String> reward = new ArrayList<>();
    if (winner.coins() > 0) {
      reward.add("+" + winner.coins() + t(lang, " монет", " coins"));
    }
    Players.AchievementView achievement = winner.achievement();
    if (achievement != null) {
      String achievementName = name(achievement.name() != null ? achievement.name() : achievement.code());
      reward.add(t(lang, "достижение «" + achievementName + "»", "achievement \"" + achievementName + "\""));
    }
    if (!reward.isEmpty()) {
      text.append(t(lang, "\nНаграда: ", "\nReward: ")).append(String.join(", ", reward)).append('.');
    }
    return text.toString();
  }

  // ---- errors from the bus ----

  /** A player-facing sentence for a failed bus request; codes follow {@code Bus}'s conventions. */
  static String busFailure(Lang lang, Throwable error) {
    Refusal.Refused refused = Refusal.of(error);
    if (refused != null) {
      return refusal(lang, refused);
    }
    if (error instanceof ReplyException reply) {
      switch (reply.failureType()) {
        case TIMEOUT:
          return t(lang, "⌛ Сервис отвечает слишком долго. Попробуйте через минуту.",
              "⌛ The service is taking too long. Please try again in a minute.");
        case NO_HANDLERS:
          return t(lang, "🔧 Сервис временно недоступен. Попробуйте через минуту.",
              "🔧 The service is temporarily unavailable. Please try again in a minute.");
        default:
          break;
      }
      switch (reply.failureCode()) {
        case 400:
          return t(lang, "Запрос не понят. Проверьте команду: /help", "That request was not understood. Check the command: /help");
        case 404:
          return notRegistered(lang);
        case 409:
          return t(lang, "Это уже сделано или противоречит текущему состоянию. /profile покажет, что сейчас.",
              "That was already done or conflicts with the current state. /profile shows where you stand.");
        case 429:
          return t(lang, "Слишком часто. Подождите немного и повторите.", "Too many requests. Wait a little and try again.");
        default:
          break;
      }
    }
    return t(lang, "🔧 Что-то пошло не так на нашей стороне. Попробуйте через минуту.",
        "🔧 Something went wrong on our side. Please try again in a minute.");
  }

  /** What a refusal means for the player, in their words. */
  static String refusal(Lang lang, Refusal.Refused refused) {
    return switch (refused.refusal()) {
      case NO_PROFILE -> notRegistered(lang);
      case LINK_CODE_UNKNOWN -> linkCodeUnknown(lang);
      case LINK_CODE_SAME_PLATFORM -> linkCodeFromThisPlatform(lang);
      case LINK_ISSUER_ALREADY_LINKED -> issuerAlreadyLinked(lang);
      case LINK_CALLER_ALREADY_LINKED -> callerAlreadyLinked(lang);
      case LINK_ALREADY_LINKED -> alreadyLinkedToEachOther(lang);
      case LINK_TOO_MANY_ATTEMPTS -> tooManyAttempts(lang, refused.detail());
      case DAILY_NOT_GRANTED -> dailyNotGranted(lang);
      case KEY_REUSED -> t(lang, "Это уже засчитано.", "That was already counted.");
    };
  }

  // ---- helpers ----

  /** A name from the bus (already in the player's language), cut to what a message can hold. */
  static String name(String value) {
    return value == null ? "?" : cut(value, MAX_NAME_CHARS);
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static Instant parseInstant(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
