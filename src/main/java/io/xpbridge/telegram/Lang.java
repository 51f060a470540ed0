package io.xpbridge.telegram;

import java.util.Locale;

/** Language of the bot's replies, chosen from Telegram's {@code language_code}. */
enum Lang {
  RU("ru"),
  EN("en");

  final String code;

  Lang(String code) {
    this.code = code;
  }

  /** Russian for any {@code ru*} code, English for everything else (including none). */
  static Lang from(String languageCode) {
    return languageCode != null && languageCode.toLowerCase(Locale.ROOT).startsWith("ru") ? RU : EN;
  }
}
