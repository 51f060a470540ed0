package io.xpbridge.web;

import java.util.Locale;

/**
 * What stands for a player's face: the Discord avatar when it is an https URL (anything else —
 * {@code javascript:}, {@code data:}, plain http — is not trusted as an image source and the
 * Content-Security-Policy would block it anyway), else up to two initials in a circle whose colour
 * is one of {@link #COLOURS} CSS classes picked from the public id, so a player keeps their colour
 * everywhere and no inline style is needed.
 *
 * <p>A custom Discord avatar's address carries the member's user id
 * ({@code cdn.discordapp.com/avatars/<user id>/<hash>.png}), and no platform id may appear in a public
 * page: the page shows {@code /avatars/<publicId>.png} instead, which {@link AvatarRoutes} serves from
 * Discord's CDN. Only avatars on that CDN are shown; anything else gets the initials.
 */
public final class Avatar {
  public static final int COLOURS = 12;

  private Avatar() {}

  /** A Discord avatar the avatar route can serve. */
  public static boolean usable(String avatarUrl) {
    return avatarUrl != null && avatarUrl.length() <= 2048 && AvatarFetcher.onDiscordsCdn(avatarUrl) != null;
  }

  /** Where the page finds a player's avatar: under the public id, never the CDN address. */
  public static String path(String publicId) {
    return "/avatars/" + publicId + ".png";
  }

  /** First letters of the first two words, upper case; "?" for a name without letters or digits. */
  public static String initials(String name) {
    StringBuilder out = new StringBuilder();
    if (name != null) {
      for (String word : name.trim().split("\\s+")) {
        int letter = firstLetterOrDigit(word);
        if (letter >= 0) {
          out.appendCodePoint(letter);
          if (out.codePointCount(0, out.length()) == 2) {
            break;
          }
        }
      }
    }
    return out.isEmpty() ? "?" : out.toString().toUpperCase(Locale.ROOT);
  }

  private static int firstLetterOrDigit(String word) {
    return word.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse(-1);
  }

  /** "avatar-c0" .. "avatar-c11"; String.hashCode is specified, so the colour is the same on every node. */
  public static String colourClass(String publicId) {
    return "avatar-c" + colourIndex(publicId);
  }

  /** 0 .. COLOURS - 1, the same for a public id everywhere (the card's palette follows it too). */
  public static int colourIndex(String publicId) {
    return Math.floorMod(publicId == null ? 0 : publicId.hashCode(), COLOURS);
  }
}
