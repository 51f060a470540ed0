package io.xpbridge.telegram;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every sentence the bot says, in Russian and English. Plain text (no parse mode), so names and
 * codes typed by players can never break the message.
 */
final class Texts {

  /** Telegram rejects longer texts; names from the bus are cut well below that. */
  static final int MAX_NAME_CHARS = 64;

  private Texts() {}

  private static String t(Lang lang, String ru, String en) {
    return lang == Lang.RU ? ru : en;
  }

  // ---- /start, /help, chatter ----

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
        /daily — ежедневная награда
        /play [🎲🎯🏀⚽🎳🎰] — сыграть на опыт и монеты
        /top — десятка лучших и ваше место
        /link — связать с Discord (или /link КОД)
        /unlink — отвязать Discord
        /sync — сверить профиль с Discord
        /help — эта справка""",
        """
        Commands:
        /profile — XP, rank, balance, achievements
        /daily — daily reward
        /play [🎲🎯🏀⚽🎳🎰] — play for XP and coins
        /top — top 10 and your place
        /link — link with Discord (or /link CODE)
        /unlink — unlink Discord
        /sync — check your profile against Discord
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

  // ---- /profile ----

  static String profile(Lang lang, JsonObject p) {
    JsonObject rank = p.getJsonObject("rank", new JsonObject());
    JsonObject nextRank = p.getJsonObject("nextRank");
    long rankCount = p.getLong("rankCount", 20L);
    StringBuilder text = new StringBuilder();
    text.append(t(lang, "👤 Ваш профиль\n", "👤 Your profile\n"));
    text.append(t(lang, "Звание: ", "Rank: ")).append(name(rank.getValue("name"), lang))
        .append(t(lang, " (", " (")).append(rank.getLong("number", 1L))
        .append(t(lang, " из ", " of ")).append(rankCount).append(")\n");
    text.append(t(lang, "Опыт: ", "XP: ")).append(p.getLong("xp", 0L));
    if (nextRank != null) {
      String next = name(nextRank.getValue("name"), lang);
      long toNext = p.getLong("xpToNextRank", 0L);
      text.append(t(lang, " — до звания «" + next + "» осталось " + toNext, " — " + toNext + " XP to " + next));
    } else {
      text.append(t(lang, " — высшее звание!", " — top rank!"));
    }
    text.append('\n');
    text.append(t(lang, "Баланс: ", "Balance: ")).append(p.getLong("balance", 0L)).append(t(lang, " монет\n", " coins\n"));
    long streak = p.getLong("dailyStreak", 0L);
    if (streak > 0) {
      text.append(t(lang, "Серия ежедневных наград: ", "Daily streak: ")).append(streak).append('\n');
    }
    text.append(t(lang, "Достижения: ", "Achievements: ")).append(achievements(lang, p.getJsonArray("achievements"))).append('\n');
    text.append(p.getBoolean("discordLinked", false)
        ? t(lang, "Discord: связан ✅", "Discord: linked ✅")
        : t(lang, "Discord: не связан — /link", "Discord: not linked — /link"));
    return text.toString();
  }

  private static String achievements(Lang lang, JsonArray list) {
    if (list == null || list.isEmpty()) {
      return t(lang, "пока нет", "none yet");
    }
    List<String> names = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof JsonObject achievement) {
        Object name = achievement.getValue("name");
        names.add(name == null ? cut(achievement.getString("code", "?"), MAX_NAME_CHARS) : name(name, lang));
      } else if (item != null) {
        names.add(cut(item.toString(), MAX_NAME_CHARS));
      }
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

  static String alreadyLinked(Lang lang) {
    return t(lang, "Не получилось связать: аккаунт уже связан, или код выдан этой же платформой. /profile покажет, что связано.",
        "Could not link: the account is already linked, or the code was issued on this same platform. /profile shows what is linked.");
  }

  static String tooManyAttempts(Lang lang, String detail) {
    return t(lang, "Слишком много неверных кодов. Попробуйте позже.", "Too many wrong codes. Please try again later.")
        + (detail == null || detail.isBlank() ? "" : " (" + cut(detail, 200) + ")");
  }

  static String unlinked(Lang lang, boolean unlinked) {
    return unlinked
        ? t(lang, "Discord отвязан. Связать снова: /link", "Discord unlinked. Link again with /link")
        : t(lang, "Discord и так не связан. Связать: /link", "Discord is not linked. Link it with /link");
  }

  // ---- /top ----

  static String top(Lang lang, JsonObject reply) {
    StringBuilder text = new StringBuilder(t(lang, "🏆 Лучшие игроки\n", "🏆 Top players\n"));
    JsonArray entries = reply.getJsonArray("entries", new JsonArray());
    if (entries.isEmpty()) {
      text.append(t(lang, "Пока никого. Будьте первым: /daily", "Nobody yet. Be the first: /daily")).append('\n');
    }
    for (Object item : entries) {
      if (!(item instanceof JsonObject entry)) {
        continue;
      }
      text.append(entry.getValue("place", "?")).append(". ")
          .append(cut(entry.getString("displayName", t(lang, "игрок", "player")), MAX_NAME_CHARS))
          .append(" — ").append(entry.getValue("xp", 0)).append(t(lang, " опыта", " XP"));
      String rank = rankLabel(lang, entry.getValue("rank"));
      if (!rank.isEmpty()) {
        text.append(" (").append(rank).append(')');
      }
      text.append('\n');
    }
    JsonObject caller = reply.getJsonObject("caller");
    if (caller != null) {
      text.append(t(lang, "\nВаше место: ", "\nYour place: ")).append(caller.getValue("place", "?"))
          .append(" (").append(caller.getValue("xp", 0)).append(t(lang, " опыта)", " XP)"));
    }
    return text.toString().trim();
  }

  private static String rankLabel(Lang lang, Object rank) {
    if (rank instanceof JsonObject object) {
      Object name = object.getValue("name");
      return name != null ? name(name, lang) : t(lang, "звание ", "rank ") + object.getValue("number", "?");
    }
    if (rank instanceof Number number) {
      return t(lang, "звание ", "rank ") + number;
    }
    return rank == null ? "" : cut(rank.toString(), MAX_NAME_CHARS);
  }

  // ---- /sync ----

  static String syncDone(Lang lang, JsonObject reply) {
    long divergences = reply.getLong("divergences", 0L);
    long corrected = reply.getLong("corrected", 0L);
    if (divergences == 0) {
      return t(lang, "🔄 Проверено: Telegram и Discord совпадают.", "🔄 Checked: Telegram and Discord agree.");
    }
    return t(lang, "🔄 Найдено расхождений: " + divergences + ", исправлено: " + corrected + ".",
        "🔄 Found " + divergences + " difference(s), corrected " + corrected + ".");
  }

  // ---- /play ----

  static String gameResult(Lang lang, String emoji, int value, long xp, long coins) {
    return t(lang, emoji + " Выпало " + value + ": +" + xp + " опыта, +" + coins + " монет.",
        emoji + " You got " + value + ": +" + xp + " XP, +" + coins + " coins.");
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

  static String rankUp(Lang lang, JsonObject rank, JsonObject previousRank, long xp) {
    String name = rank == null ? "?" : name(rank.getValue("name"), lang);
    long number = rank == null ? 0 : rank.getLong("number", 0L);
    boolean down = previousRank != null && previousRank.getLong("number", 0L) > number;
    if (down) {
      return t(lang, "Ваше звание теперь: " + name + " (" + number + "). Опыт: " + xp + ".",
          "Your rank is now " + name + " (" + number + "). XP: " + xp + ".");
    }
    return t(lang, "🎖 Новое звание: " + name + " (" + number + ")! Опыт: " + xp + ".",
        "🎖 Rank up: " + name + " (" + number + ")! XP: " + xp + ".");
  }

  static String achievementUnlocked(Lang lang, JsonObject achievement) {
    String name = achievement == null ? "?" : name(
        achievement.getValue("name", achievement.getString("code", "?")), lang);
    return t(lang, "🏅 Новое достижение: " + name + "!", "🏅 Achievement unlocked: " + name + "!");
  }

  // ---- errors from the bus ----

  /** A player-facing sentence for a failed bus request; codes follow {@code Bus}'s conventions. */
  static String busFailure(Lang lang, Throwable error) {
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

  // ---- helpers ----

  /** A name from the bus: either a plain string or {ru, en}. */
  static String name(Object value, Lang lang) {
    if (value instanceof JsonObject names) {
      String text = names.getString(lang.code, names.getString("en", names.getString("ru")));
      return text == null ? "?" : cut(text, MAX_NAME_CHARS);
    }
    return value == null ? "?" : cut(value.toString(), MAX_NAME_CHARS);
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
