package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.bus.Players;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.Test;

/** /profile's link to the player's public page: there with a base URL, absent without one or when hidden. */
class ProfileLinkTest {
  private static final String BASE = "https://xp.example.org/";

  @Test
  void withABaseUrlTheTitleAndAFieldLinkToThePlayersPage() {
    MessageEmbed embed = ProfileCommand.embed(profile(false), request(Lang.EN), BASE);
    assertEquals("https://xp.example.org/players/0a1b2c3d4e5f6789", embed.getUrl());
    assertTrue(embed.getFields().stream().anyMatch(field -> "Player page".equals(field.getName())
        && "https://xp.example.org/players/0a1b2c3d4e5f6789".equals(field.getValue())), embed.getFields().toString());
    assertTrue(ProfileCommand.embed(profile(false), request(Lang.RU), BASE).getFields().stream()
        .anyMatch(field -> "Страница игрока".equals(field.getName())));
  }

  @Test
  void withoutABaseUrlThereIsNoLink() {
    MessageEmbed embed = ProfileCommand.embed(profile(false), request(Lang.EN), null);
    assertNull(embed.getUrl());
    assertTrue(embed.getFields().stream().noneMatch(field -> "Player page".equals(field.getName())));
  }

  @Test
  void aHiddenPlayerGetsNoLinkAndIsToldTheyAreHidden() {
    MessageEmbed embed = ProfileCommand.embed(profile(true), request(Lang.EN), null);
    assertTrue(embed.getFields().stream().anyMatch(field -> "Hidden from public standings (/privacy)"
        .equals(field.getValue())), embed.getFields().toString());
  }

  private static CommandRequest request(Lang lang) {
    return new CommandRequest(1, 2, "alice", lang, Map.of());
  }

  private static Players.Profile profile(boolean hidden) {
    return new Players.Profile(1, 500, 5, new Players.RankView(3, "Corporal", 460L), null, 0, 20, List.of(), null, 2L,
        false, true, 0, null, "alice", List.of(), 300, hidden ? null : 4L, "Winter", "0a1b2c3d4e5f6789", hidden);
  }
}
