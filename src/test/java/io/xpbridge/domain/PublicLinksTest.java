package io.xpbridge.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PublicLinksTest {

  @Test
  void aPlayersPageIsUnderTheBaseWithOrWithoutATrailingSlash() {
    assertEquals("https://xp.example.org/players/0a1b2c3d4e5f6789",
        PublicLinks.playerPage("https://xp.example.org", "0a1b2c3d4e5f6789"));
    assertEquals("https://xp.example.org/board/players/0a1b2c3d4e5f6789",
        PublicLinks.playerPage(" https://xp.example.org/board// ", "0a1b2c3d4e5f6789"));
  }

  @Test
  void noBaseOrNoPublicIdMeansNoLink() {
    assertNull(PublicLinks.playerPage(null, "0a1b2c3d4e5f6789"));
    assertNull(PublicLinks.playerPage("  ", "0a1b2c3d4e5f6789"));
    assertNull(PublicLinks.playerPage("https://xp.example.org", null));
  }
}
