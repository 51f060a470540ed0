package io.xpbridge.web;

import java.awt.FontMetrics;

/** Cuts text to a width in pixels, by whole code points (a name may hold emoji), ending in "…". */
final class Fit {
  static final String ELLIPSIS = "…";

  private Fit() {}

  static String cut(String text, FontMetrics metrics, int maxWidth) {
    if (metrics.stringWidth(text) <= maxWidth) {
      return text;
    }
    int end = text.length();
    while (end > 0) {
      end = text.offsetByCodePoints(end, -1);
      String candidate = text.substring(0, end).stripTrailing() + ELLIPSIS;
      if (metrics.stringWidth(candidate) <= maxWidth) {
        return candidate;
      }
    }
    return ELLIPSIS;
  }
}
