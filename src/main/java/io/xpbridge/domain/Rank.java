package io.xpbridge.domain;

/** One step of the ladder. {@code discordRoleId} is null until an operator maps it. */
public record Rank(int number, String nameRu, String nameEn, long minXp, Long discordRoleId) {

  public String name(String languageCode) {
    return Language.isRussian(languageCode) ? nameRu : nameEn;
  }
}
