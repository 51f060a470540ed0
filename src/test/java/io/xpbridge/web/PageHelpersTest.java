package io.xpbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The small pure parts of the pages: escaping, language choice, initials, texts in both languages. */
class PageHelpersTest {

  @Test
  void escapingCoversTextAndAttributes() {
    assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
        Html.escape("<script>alert('x')</script> & \"q\""));
    assertEquals("", Html.escape(null));
    assertEquals("Анна", Html.escape("Анна"));
  }

  @Test
  void languageIsTheQueryThenTheBestAcceptedThenRussian() {
    assertEquals("en", PageLanguage.choose("en", "ru"));
    assertEquals("ru", PageLanguage.choose("RU", "en"));
    assertEquals("en", PageLanguage.choose("de", "en-GB,en;q=0.9"));
    assertEquals("ru", PageLanguage.choose(null, "de-DE,de;q=0.9,ru;q=0.8,en;q=0.7"));
    assertEquals("en", PageLanguage.choose(null, "ru;q=0.2, en;q=0.9"));
    assertEquals("en", PageLanguage.choose(null, "ru;q=0, en;q=0.1"), "q=0 means not acceptable");
    assertEquals("ru", PageLanguage.choose(null, "en;q=bogus, fr"));
    assertEquals("ru", PageLanguage.choose(null, null));
    assertEquals("ru", PageLanguage.choose(null, "*"));
  }

  @Test
  void initialsAreTheFirstLettersOfTwoWords() {
    assertEquals("АП", Avatar.initials("анна петрова сидорова"));
    assertEquals("B", Avatar.initials("bob"));
    assertEquals("JD", Avatar.initials("  [john]  (doe) "));
    assertEquals("?", Avatar.initials("*** ///"));
    assertEquals("?", Avatar.initials(null));
    assertEquals("S", Avatar.initials("<script>alert(1)</script>"));
  }

  @Test
  void onlyAvatarsOnDiscordsCdnAreImagesServedUnderThePublicIdAndTheColourIsStablePerPlayer() {
    assertTrue(Avatar.usable("https://cdn.discordapp.com/avatars/412345678901234567/a1b2c3.png"));
    assertTrue(Avatar.usable("https://cdn.discordapp.com/embed/avatars/3.png"));
    assertFalse(Avatar.usable("javascript:alert(1)"));
    assertFalse(Avatar.usable("http://cdn.discordapp.com/avatars/1/a.png"), "not over plain HTTP");
    assertFalse(Avatar.usable("https://example.com/a.png"), "not from elsewhere");
    assertFalse(Avatar.usable(null));
    assertEquals("/avatars/a1b2c3d4e5f60718.png", Avatar.path("a1b2c3d4e5f60718"));
    assertEquals(Avatar.colourClass("a1b2c3d4e5f60718"), Avatar.colourClass("a1b2c3d4e5f60718"));
    assertTrue(Avatar.colourClass("x").matches("avatar-c([0-9]|1[01])"));
  }

  @Test
  void everyTextExistsInBothLanguagesAndEscapesItsValues() {
    assertEquals(PageTexts.all().get("ru").keySet(), PageTexts.all().get("en").keySet());
    assertEquals("Место в сезоне «&lt;b&gt;»", PageTexts.of("ru").html("player.seasonPlace", "<b>"));
    assertEquals("Page 2 of %s", PageTexts.of("en").html("page.of", 2, "%s"), "a value is not a template");
  }
}
