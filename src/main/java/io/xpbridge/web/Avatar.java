package io.xpbridge.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What stands for a player's face: the Discord avatar when it is an https URL (anything else —
 * {@code javascript:}, {@code data:}, plain http — is not trusted as an image source and the
 * Content-Security-Policy would block it anyway), else up to two initials in a circle whose colour
 * is one of {@link #COLOURS} CSS classes picked from the public id, so a player keeps their colour
 * everywhere and no inline style is needed.
 *
 * <p>A custom Discord avatar's address carries the member's user id
 * ({@code cdn.discordapp.com/avatars/<user id>/<hash>.png}), and no platform id may appear in a public
 * page: an address with a snowflake in it (a run of {@value #SNOWFLAKE_DIGITS}+ digits) is not shown,
 * the initials are. Showing those avatars needs a proxy that serves them under the public id
 * ({@code /avatars/<publicId>.png}, next to the rank card's own avatar fetch); {@link #usable} is the
 * one place to switch then.
 */
public final class Avatar {
  public static final int COLOURS = 12;
  /** Discord snowflakes have 17 to 20 digits; nothing else in a CDN address has 15 in a row. */
  static final int SNOWFLAKE_DIGITS = 15;
  private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{" + SNOWFLAKE_DIGITS + ",}");

  private Avatar() {}

  public static boolean usable(String avatarUrl) {
    return avatarUrl != null && avatarUrl.startsWith("https://") && avatarUrl.length() <= 2048
        && !SNOWFLAKE.matcher(avatarUrl).find();
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
    int hash = publicId == null ? 0 : publicId.hashCode();
    return "avatar-c" + Math.floorMod(hash, COLOURS);
  }
}
