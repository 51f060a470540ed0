package io.xpbridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Places from everyone's XP by binary search: 1 + how many have more, ties sharing a place. */
class ShownXpTest {
  static final long[] ASCENDING = {5, 10, 10, 40, 90};

  @Test
  void aPlaceIsOnePlusThoseWithMoreAndTiesShareIt() {
    assertEquals(1L, PublicStandingsStore.ShownXp.place(ASCENDING, 90));
    assertEquals(2L, PublicStandingsStore.ShownXp.place(ASCENDING, 40));
    assertEquals(3L, PublicStandingsStore.ShownXp.place(ASCENDING, 10));
    assertEquals(5L, PublicStandingsStore.ShownXp.place(ASCENDING, 5));
    assertEquals(1L, PublicStandingsStore.ShownXp.place(ASCENDING, 1_000), "more than anyone read so far");
    assertEquals(3L, PublicStandingsStore.ShownXp.place(ASCENDING, 20), "between two values");
    assertEquals(1L, PublicStandingsStore.ShownXp.place(new long[0], 7), "nobody else");
  }

  @Test
  void noXpIsNoPlace() {
    assertNull(PublicStandingsStore.ShownXp.place(ASCENDING, 0));
  }
}
