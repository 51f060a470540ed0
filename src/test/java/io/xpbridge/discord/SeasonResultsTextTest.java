package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.bus.Platforms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeasonResultsTextTest {

  @Test
  void aLongListIsCutToWhatDiscordAcceptsAndMentionsOnlyTheWinnersShown() {
    List<Platforms.SeasonWinner> winners = new ArrayList<>();
    for (int place = 1; place <= 300; place++) {
      winners.add(new Platforms.SeasonWinner(place, place, 100_000_000_000_000_000L + place, "x".repeat(100),
          1_000_000 - place, 1_000, null));
    }

    SeasonResultsText.Announcement text = SeasonResultsText.render("en", new Platforms.SeasonResult(1, "S", winners));

    assertTrue(text.content().length() <= SeasonResultsText.MAX_CONTENT_CHARS, Integer.toString(text.content().length()));
    int shown = text.mentionedUserIds().size();
    assertTrue(shown > 10 && shown < 300, Integer.toString(shown));
    assertTrue(text.content().endsWith("\n…and " + (300 - shown) + " more"), text.content());
    assertTrue(text.content().contains("<@" + (100_000_000_000_000_000L + shown) + ">"));
    assertTrue(!text.content().contains("<@" + (100_000_000_000_000_000L + shown + 1) + ">"));
  }

  @Test
  void aSeasonWithoutWinnersSaysSo() {
    SeasonResultsText.Announcement text = SeasonResultsText.render("ru", new Platforms.SeasonResult(2, "Лето", List.of()));
    assertEquals("🏆 Сезон «Лето» завершён! В этом сезоне никто не набрал опыта.", text.content());
    assertEquals(List.of(), text.mentionedUserIds());
  }
}
