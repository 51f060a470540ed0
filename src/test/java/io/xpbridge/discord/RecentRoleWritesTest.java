package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void theEchoOfAWriteIsTheBotsOwnEvenBeforeTheRestAnswer() {
    RecentRoleWrites writes = new RecentRoleWrites();
    writes.writing(MEMBER, ROLE, true);
    assertTrue(writes.confirmed(MEMBER, ROLE, true), "the echo beat the REST answer");
    assertTrue(writes.settled(MEMBER, ROLE), "so there is nothing left to record");
    assertFalse(writes.confirmed(MEMBER, ROLE, true), "once settled, the same change again is someone else's");
  }

  @Test
  void aWriteAnsweredBeforeItsEchoMustBeRecorded() {
    RecentRoleWrites writes = new RecentRoleWrites();
    writes.writing(MEMBER, ROLE, false);
    assertFalse(writes.confirmed(MEMBER, ROLE, true), "the opposite change is not the echo");
    assertFalse(writes.settled(MEMBER, ROLE), "no echo yet: the caller records the write");
  }

  @Test
  void theEchoOfARecordedWriteIsTheBotsOwnOnceAndAHandEditNever() {
    RecentRoleWrites writes = new RecentRoleWrites();
    writes.record(MEMBER, ROLE, true, 1_000);
    assertFalse(writes.confirmed(MEMBER, ROLE, false), "a removal the bot did not make");
    assertTrue(writes.confirmed(MEMBER, ROLE, true));
    assertFalse(writes.confirmed(MEMBER, ROLE, true), "the echo is spent");
    assertFalse(writes.confirmed(MEMBER, ROLE + 1, true), "a role the bot never touched");
  }
}
