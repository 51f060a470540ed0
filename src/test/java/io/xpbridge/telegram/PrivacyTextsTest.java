package io.xpbridge.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.bus.Players;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /profile's link to the public page and the hidden state, /privacy's answers, in both languages. */
class PrivacyTextsTest {
  private static final String PAGE = "https://xp.example.org/players/0a1b2c3d4e5f6789";

  @Test
  void theProfileLinksToThePlayersPageWhenThereIsOneAndNotOtherwise() {
    Players.Profile profile = profile(false);
    assertTrue(Texts.profile(Lang.EN, profile, PAGE).endsWith("\nPlayer page: " + PAGE), Texts.profile(Lang.EN, profile, PAGE));
    assertTrue(Texts.profile(Lang.RU, profile, PAGE).endsWith("\nСтраница игрока: " + PAGE));
    assertFalse(Texts.profile(Lang.EN, profile, null).contains("Player page"));
    assertFalse(Texts.profile(Lang.EN, profile).contains("http"));
  }

  @Test
  void aHiddenPlayersProfileSaysSoInsteadOfAPlace() {
    String english = Texts.profile(Lang.EN, profile(true));
    assertTrue(english.contains("Season \"Winter\": 300 XP, you are hidden from the standings (/privacy)"), english);
    assertFalse(english.contains("place"), english);
    assertTrue(Texts.profile(Lang.RU, profile(true)).contains("Сезон «Winter»: 300 опыта, вы скрыты из таблиц (/privacy)"));
  }

  @Test
  void privacyTellsTheStateAndHowToChangeIt() {
    Players.Visibility shown = new Players.Visibility(1, "0a1b", false, false);
    Players.Visibility hiddenNow = new Players.Visibility(1, "0a1b", true, true);
    assertTrue(Texts.privacy(Lang.EN, shown, false).contains("To hide: /privacy hide"));
    assertTrue(Texts.privacy(Lang.RU, shown, false).contains("Скрыться: /privacy скрыть"));
    assertTrue(Texts.privacy(Lang.EN, hiddenNow, true).startsWith("🙈 Done: you are no longer on the public leaderboards."));
    assertTrue(Texts.privacy(Lang.RU, hiddenNow, true).contains("Показать снова: /privacy показать"));
    assertTrue(Texts.help(Lang.EN).contains("/privacy") && Texts.help(Lang.RU).contains("/privacy"));
    assertTrue(Texts.commandMenu(Lang.RU).containsKey("privacy"));
  }

  private static Players.Profile profile(boolean hidden) {
    return new Players.Profile(1, 500, 5, new Players.RankView(3, "Corporal", 460L), null, 0, 20, List.of(), 1L, null,
        true, false, 0, null, "alice", List.of(), 300, hidden ? null : 4L, "Winter", "0a1b2c3d4e5f6789", hidden);
  }
}
