package io.xpbridge.web;

import io.xpbridge.bus.Web;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Everything a card shows, so that equal keys draw equal cards: the cache key and, hashed, the ETag.
 * Beyond the player, XP, rank and season it holds the name, avatar URL, rank names and places, which
 * change the picture too (a rename must not keep serving the old name).
 */
record CardKey(String publicId, long lifetimeXp, int rankNumber, Integer seasonId, long seasonXp, Long seasonPlace,
    Long lifetimePlace, String language, String name, String avatarUrl, String rankName, String nextRankName,
    String seasonName) {

  static CardKey of(Web.Player player, String language) {
    Web.RankProgress rank = player.rank();
    return new CardKey(player.publicId(), rank.lifetimeXp(), rank.number(), player.seasonId(), player.seasonXp(),
        player.seasonPlace(), player.lifetimePlace(), language, player.name(), player.avatarUrl(), rank.name(),
        rank.nextName(), player.seasonName());
  }

  /** A strong ETag: the same key always gives the same bytes (the renderer is deterministic). */
  String etag() {
    try {
      // The layout's version too: a new release that draws differently must not match a cached old card.
      String tagged = RankCardRenderer.LAYOUT_VERSION + ":" + this;
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(tagged.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
