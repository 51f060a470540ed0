package io.xpbridge.domain;

/** The community speaks Russian; everyone else gets English. */
public final class Language {
  private Language() {}

  public static boolean isRussian(String languageCode) {
    return languageCode != null && languageCode.toLowerCase().startsWith("ru");
  }
}
