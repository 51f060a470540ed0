package io.xpbridge.web;

import io.xpbridge.bus.Web;
import java.util.List;

/** Players for card tests, as {@link io.xpbridge.bus.Bus#PUBLIC_PLAYER} answers them. */
final class Cards {
  private Cards() {}

  static Web.Player player(String publicId, String name, long xp) {
    Web.RankProgress rank = new Web.RankProgress(5, 20, "Ефрейтор", 1_000, 2_000L, "Младший сержант", xp);
    return new Web.Player(publicId, name, null, xp, rank, List.of(), 3, "Зима 2026", 420, 7L, 12L);
  }
}
