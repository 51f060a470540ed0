package io.xpbridge.web;

import java.awt.Color;
import java.util.Locale;

/** The stand-in for a missing avatar: up to two initials on a colour fixed per player. */
final class Initials {
  private static final Color[] PALETTE = {
      new Color(0x58, 0x65, 0xF2), new Color(0x3B, 0xA5, 0x5D), new Color(0xED, 0x42, 0x45),
      new Color(0xFE, 0xA7, 0x3E), new Color(0xEB, 0x45, 0x9E), new Color(0x1A, 0xBC, 0x9C)};

  private Initials() {}

  static String of(String name) {
    StringBuilder initials = new StringBuilder();
    for (String word : (name == null ? "" : name.trim()).split("\\s+")) {
      int first = word.isEmpty() ? -1 : word.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse(-1);
      if (first >= 0) {
        initials.appendCodePoint(first);
      }
      if (initials.codePointCount(0, initials.length()) == 2) {
        break;
      }
    }
    return initials.length() == 0 ? "?" : initials.toString().toUpperCase(Locale.ROOT);
  }

  static Color color(String publicId) {
    return PALETTE[Math.floorMod(publicId == null ? 0 : publicId.hashCode(), PALETTE.length)];
  }
}
