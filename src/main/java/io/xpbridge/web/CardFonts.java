package io.xpbridge.web;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of the rank card: DejaVu Sans (regular and bold) bundled in the jar, because a server's
 * system fonts may lack Cyrillic or be missing altogether in a slim container. Its licence is
 * {@code fonts/DejaVu-LICENSE.txt} next to it. Loaded once, on first use, which is always on a
 * rendering thread (reading and parsing 1.5 MB of font must not happen on the event loop).
 */
final class CardFonts {
  static final String REGULAR = "/fonts/DejaVuSans.ttf";
  static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

  private CardFonts() {}

  private static final class Loaded {
    static final Font REGULAR_FONT = load(REGULAR);
    static final Font BOLD_FONT = load(BOLD);
  }

  static Font regular(float size) {
    return Loaded.REGULAR_FONT.deriveFont(size);
  }

  static Font bold(float size) {
    return Loaded.BOLD_FONT.deriveFont(size);
  }

  private static Font load(String resource) {
    try (InputStream in = CardFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font " + resource + " is missing from the jar; rebuild it");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read font " + resource, e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("font " + resource + " is not a TrueType font", e);
    }
  }
}
