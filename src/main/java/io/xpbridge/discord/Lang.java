package io.xpbridge.discord;

import io.xpbridge.domain.Language;

/** Language of the bot's answers, chosen from the interaction's {@code locale}. */
enum Lang {
  RU("ru"),
  EN("en");

  /** What the bot asks the engine for, so rank and achievement names match the sentence around them. */
  final String code;

  Lang(String code) {
    this.code = code;
  }

  /** Russian for {@code ru}, English for everything else: {@code en-US}, a locale we have no texts for, none. */
  static Lang of(String locale) {
    return Language.isRussian(locale) ? RU : EN;
  }
}
