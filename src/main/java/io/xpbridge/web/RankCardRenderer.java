package io.xpbridge.web;

import io.xpbridge.bus.Web;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a player's rank card with Java2D: a 934×282 PNG (the size MEE6 made familiar) with avatar (or
 * initials), name, rank, XP, a progress bar to the next rank and the place. Blocking and CPU-bound:
 * call it on a worker thread only ({@link RankCards} does).
 */
public final class RankCardRenderer {
  public static final int WIDTH = 934;
  public static final int HEIGHT = 282;
  /** Bump when the drawing changes, so browsers holding an old card's ETag get the new one. */
  static final int LAYOUT_VERSION = 1;

  static {
    // A server has no display; without this the first Graphics2D may try to reach one.
    System.setProperty("java.awt.headless", "true");
  }

  private static final Color BACKGROUND = new Color(0x1E, 0x21, 0x24);
  private static final Color PANEL = new Color(0x2B, 0x2F, 0x35);
  private static final Color TEXT = new Color(0xF2, 0xF3, 0xF5);
  private static final Color MUTED = new Color(0xA3, 0xA9, 0xB1);
  private static final Color BAR_TRACK = new Color(0x48, 0x4D, 0x55);
  private static final Color BAR_FROM = new Color(0x58, 0x65, 0xF2);
  private static final Color BAR_TO = new Color(0x3B, 0xA5, 0x5D);

  private static final int AVATAR_X = 44;
  private static final int AVATAR_Y = 61;
  private static final int AVATAR_SIZE = 160;
  private static final int TEXT_X = 240;
  private static final int RIGHT = WIDTH - 44;
  private static final int BAR_Y = 188;
  private static final int BAR_HEIGHT = 34;

  /** The card as PNG bytes; {@code avatar} null draws the player's initials instead. */
  public byte[] render(Web.Player player, String language, BufferedImage avatar) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(PANEL);
      g.fill(new RoundRectangle2D.Double(16, 16, WIDTH - 32, HEIGHT - 32, 28, 28));
      drawAvatar(g, player, avatar);
      PlaceEdges place = drawPlace(g, player, language);
      drawName(g, player.name(), place.numberLeft() - 24);
      drawRankAndXp(g, player, language, place.labelsLeft() - 24);
      drawBar(g, player.rank().progress());
    } finally {
      g.dispose();
    }
    return png(image);
  }

  private static void drawAvatar(Graphics2D g, Web.Player player, BufferedImage avatar) {
    Ellipse2D circle = new Ellipse2D.Double(AVATAR_X, AVATAR_Y, AVATAR_SIZE, AVATAR_SIZE);
    if (avatar != null) {
      var clip = g.getClip();
      g.setClip(circle);
      g.drawImage(avatar, AVATAR_X, AVATAR_Y, AVATAR_SIZE, AVATAR_SIZE, null);
      g.setClip(clip);
    } else {
      g.setColor(Initials.color(player.publicId()));
      g.fill(circle);
      String initials = Initials.of(player.name());
      Font font = CardFonts.bold(64f);
      FontMetrics metrics = g.getFontMetrics(font);
      g.setFont(font);
      g.setColor(Color.WHITE);
      g.drawString(initials, AVATAR_X + (AVATAR_SIZE - metrics.stringWidth(initials)) / 2f,
          AVATAR_Y + (AVATAR_SIZE - metrics.getHeight()) / 2f + metrics.getAscent());
    }
    g.setColor(PANEL);
    g.setStroke(new java.awt.BasicStroke(6f));
    g.draw(circle);
  }

  /** Where the place's big number (beside the name) and its labels (beside the rank line) start. */
  private record PlaceEdges(int numberLeft, int labelsLeft) {}

  /** The place at the top right; returns where its parts start so the name and rank stop short of them. */
  private static PlaceEdges drawPlace(Graphics2D g, Web.Player player, String language) {
    Long place = player.seasonPlace() != null ? player.seasonPlace() : player.lifetimePlace();
    String label = player.seasonPlace() != null ? CardTexts.seasonPlace(language, player)
        : place != null ? CardTexts.lifetimePlace(language) : CardTexts.noPlace(language);
    String number = place == null ? "" : "#" + place;
    Font big = CardFonts.bold(52f);
    Font small = CardFonts.regular(20f);
    label = Fit.cut(label, g.getFontMetrics(small), 260);
    int numberWidth = g.getFontMetrics(big).stringWidth(number);
    int labelWidth = g.getFontMetrics(small).stringWidth(label);
    g.setFont(big);
    g.setColor(TEXT);
    g.drawString(number, RIGHT - numberWidth, 100);
    g.setFont(small);
    g.setColor(MUTED);
    g.drawString(label, RIGHT - labelWidth, 128);
    int labelsWidth = labelWidth;
    if (player.seasonPlace() != null && player.lifetimePlace() != null) {
      // Both places: the season's is the big one, lifetime a line below, where the rank line leaves room.
      String lifetime = "#" + player.lifetimePlace() + " " + CardTexts.lifetimePlace(language);
      int lifetimeWidth = g.getFontMetrics(small).stringWidth(lifetime);
      g.drawString(lifetime, RIGHT - lifetimeWidth, 152);
      labelsWidth = Math.max(labelsWidth, lifetimeWidth);
    }
    return new PlaceEdges(RIGHT - numberWidth, RIGHT - labelsWidth);
  }

  private static void drawName(Graphics2D g, String name, int right) {
    Font font = CardFonts.bold(40f);
    g.setFont(font);
    g.setColor(TEXT);
    g.drawString(Fit.cut(name == null ? "" : name, g.getFontMetrics(font), right - TEXT_X), TEXT_X, 100);
  }

  private static void drawRankAndXp(Graphics2D g, Web.Player player, String language, int rankRight) {
    Web.RankProgress rank = player.rank();
    String rankLine = CardTexts.rank(language, rank);
    // Long rank names ("Младший сержант") shrink a little before they are cut.
    Font rankFont = CardFonts.regular(26f);
    for (float size = 26f; size >= 20f; size -= 2f) {
      rankFont = CardFonts.regular(size);
      if (g.getFontMetrics(rankFont).stringWidth(rankLine) <= rankRight - TEXT_X) {
        break;
      }
    }
    g.setFont(rankFont);
    g.setColor(MUTED);
    g.drawString(Fit.cut(rankLine, g.getFontMetrics(rankFont), rankRight - TEXT_X), TEXT_X, 138);
    Font xpFont = CardFonts.regular(22f);
    g.setFont(xpFont);
    FontMetrics metrics = g.getFontMetrics(xpFont);
    g.setColor(TEXT);
    String xp = CardTexts.xp(language, rank.lifetimeXp(), rank.nextMinXp());
    g.drawString(xp, TEXT_X, BAR_Y - 14);
    g.setColor(MUTED);
    String next = Fit.cut(CardTexts.toNext(language, rank), metrics, RIGHT - TEXT_X);
    g.drawString(next, TEXT_X, BAR_Y + BAR_HEIGHT + 30);
  }

  private static void drawBar(Graphics2D g, double progress) {
    int width = RIGHT - TEXT_X;
    g.setColor(BAR_TRACK);
    g.fill(new RoundRectangle2D.Double(TEXT_X, BAR_Y, width, BAR_HEIGHT, BAR_HEIGHT, BAR_HEIGHT));
    double filled = Math.max(progress > 0 ? BAR_HEIGHT : 0, width * progress);
    if (filled > 0) {
      g.setPaint(new GradientPaint(TEXT_X, 0, BAR_FROM, RIGHT, 0, BAR_TO));
      g.fill(new RoundRectangle2D.Double(TEXT_X, BAR_Y, filled, BAR_HEIGHT, BAR_HEIGHT, BAR_HEIGHT));
    }
  }

  private static byte[] png(BufferedImage image) {
    // Opaque RGB makes a smaller PNG than ARGB and the card has no transparency to keep.
    BufferedImage rgb = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.setComposite(AlphaComposite.Src);
    g.drawImage(image, 0, 0, null);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ImageIO.write(rgb, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    }
    return out.toByteArray();
  }
}
