package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RecentRoleWritesTest {
  private static final long MEMBER = 1;
  private static final long ROLE = 10;

  @Test
  void aWriteNotYetEchoedOverridesTheCache() {
    RecentRoleWrites writes = new RecentRoleWrites();
    writes.record(MEMBER, ROLE, true, 1_000);
    assertEquals(Set.of(ROLE), writes.effectiveRoles(MEMBER, Set.of(), 1_500));
  }

  @Test
  void anEchoedWriteNoLongerHidesAHandEdit() {
    RecentRoleWrites writes = new RecentRoleWrites();
    writes.record(MEMBER, ROLE, true, 1_000);
    writes.confirmed(MEMBER, ROLE, true);      // the gateway showed the bot's add
    // ...then a moderator removed the role by hand: the cache is right.
    assertEquals(Set.of(), writes.effectiveRoles(MEMBER, Set.of(), 1_500));
  }

  @Test
  void anEchoOfTheOppositeChangeKeepsTheWrite() {
    RecentRoleWrites writes = new RecentRoleWrites();
    writes.record(MEMBER, ROLE, true, 1_000);
    writes.confirmed(MEMBER, ROLE, false);     // an older removal arriving late
    assertEquals(Set.of(ROLE), writes.effectiveRoles(MEMBER, Set.of(), 1_500));
  }
}
