package io.xpbridge.web;

import java.awt.Color;

/** The stand-in for a missing avatar: up to two initials on a colour fixed per player. */
final class Initials {
  /**
   * The pages' colours ({@code .avatar-c0} .. {@code .avatar-c11} in web/static/site.css, picked the
   * same way by {@link Avatar#colourClass}), so a player's initials look the same on the page and card.
   */
  private static final Color[] PALETTE = {
      new Color(0xC0392B), new Color(0xD35400), new Color(0xB7950B), new Color(0x27AE60),
      new Color(0x16A085), new Color(0x2980B9), new Color(0x3154C9), new Color(0x8E44AD),
      new Color(0xC2185B), new Color(0x5D6D7E), new Color(0x00838F), new Color(0x6D4C41)};

  private Initials() {}

  /** The same initials as the pages draw ({@link Avatar#initials}). */
  static String of(String name) {
    return Avatar.initials(name);
  }

  static Color color(String publicId) {
    return PALETTE[Avatar.colourIndex(publicId)];
  }
}
