package io.xpbridge.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.bus.Web;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RankCardRendererTest {
  private final RankCardRenderer renderer = new RankCardRenderer();

  private static BufferedImage read(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertTrue(image != null, "ImageIO reads the bytes as an image");
    return image;
  }

  @Test
  void aCardIsAValidPngOfExactly934By282() throws IOException {
    byte[] png = renderer.render(Cards.player("abc", "Алексей Смирнов", 1_500), "ru", null);

    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
    BufferedImage image = read(png);
    assertEquals(934, image.getWidth());
    assertEquals(282, image.getHeight());
    Path saved = Path.of("target", "rank-card-test.png");
    Files.createDirectories(saved.getParent());
    Files.write(saved, png);
  }

  @Test
  void theBundledFontsHaveEveryGlyphOfACyrillicCard() {
    String text = "Алексей Ёжиков · Звание 5/20 · Ефрейтор · До звания «Младший сержант»: 500 · в сезоне Зима 2026"
        + " · за всё время · Высшее звание";
    assertEquals(-1, CardFonts.regular(20f).canDisplayUpTo(text), "regular");
    assertEquals(-1, CardFonts.bold(20f).canDisplayUpTo(text), "bold");
    assertEquals(-1, CardFonts.regular(20f).canDisplayUpTo(CardTexts.grouped(1_234_567)), "thin space");
  }

  @Test
  void aCyrillicNameIsDrawnAsGlyphsNotBoxes() throws IOException {
    // Drawn, a name changes the pixels of the name's area; two different Cyrillic names differ there.
    BufferedImage one = read(renderer.render(Cards.player("abc", "Жанна", 1_500), "ru", null));
    BufferedImage two = read(renderer.render(Cards.player("abc", "Щукин", 1_500), "ru", null));
    assertNotEquals(nameArea(one), nameArea(two), "different Cyrillic names, different pixels");
    Font font = CardFonts.bold(40f);
    assertTrue(font.getFamily().startsWith("DejaVu"), "the bundled font, not a system fallback: " + font.getFamily());
  }

  @Test
  void theSameCardTwiceIsTheSameBytes() {
    Web.Player player = Cards.player("abc", "Ivan", 1_500);
    assertArrayEquals(renderer.render(player, "en", null), renderer.render(player, "en", null),
        "a strong ETag needs the same bytes for the same key");
  }

  @Test
  void aLongNameIsCutWithAnEllipsis() {
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    var metrics = scratch.createGraphics().getFontMetrics(CardFonts.bold(40f));
    String name = "Константин Константинопольский-Щедринский Третий";

    String cut = Fit.cut(name, metrics, 400);

    assertTrue(cut.endsWith("…"), cut);
    assertTrue(name.startsWith(cut.substring(0, cut.length() - 1)), cut);
    assertTrue(metrics.stringWidth(cut) <= 400);
    assertEquals("Ivan", Fit.cut("Ivan", metrics, 400), "a short name stays whole");
    assertEquals("😀…", Fit.cut("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", metrics,
        metrics.stringWidth("😀…")), "cut between code points, never inside a surrogate pair");
  }

  @Test
  void aTopRankPlayerWithoutPlacesStillGetsACard() throws IOException {
    // Its name is markup on purpose: a picture has nothing to escape, the text is drawn as it is.
    Web.RankProgress top = new Web.RankProgress(20, 20, "Маршал", 500_000, null, null, 612_345);
    Web.Player player = new Web.Player("p", "<script>alert(1)</script>", null, 612_345, top, List.of(), null, null, 0,
        null, null);
    byte[] png = renderer.render(player, "en", null);
    assertEquals(934, read(png).getWidth());
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "rank-card-test-top.png"), png);
  }

  @Test
  void initialsTakeTheFirstLetterOfTwoWords() {
    assertEquals("АС", Initials.of("алексей смирнов"));
    assertEquals("I", Initials.of("Ivan"));
    assertEquals("?", Initials.of("  "));
  }

  private static List<Integer> nameArea(BufferedImage image) {
    List<Integer> pixels = new java.util.ArrayList<>();
    for (int y = 60; y < 110; y += 2) {
      for (int x = 240; x < 500; x += 2) {
        pixels.add(image.getRGB(x, y));
      }
    }
    return pixels;
  }

  @Test
  void initialsHaveTheSameColourOnTheCardAsOnThePage() throws IOException {
    String css;
    try (var in = RankCardRendererTest.class.getResourceAsStream("/web/static/site.css")) {
      css = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (String publicId : List.of("a1b2c3d4e5f60718", "0000000000000000", "ffffffffffffffff", "pub1", "x")) {
      java.util.regex.Matcher rule = java.util.regex.Pattern.compile("\\." + Avatar.colourClass(publicId)
          + " \\{ background: #([0-9a-f]{6}); \\}").matcher(css);
      assertTrue(rule.find(), Avatar.colourClass(publicId));
      assertEquals(Integer.parseInt(rule.group(1), 16), Initials.color(publicId).getRGB() & 0xFFFFFF, publicId);
    }
  }
}
