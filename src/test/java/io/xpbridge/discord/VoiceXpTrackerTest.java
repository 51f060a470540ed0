package io.xpbridge.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The voice rules with a hand-driven clock; unit = 60 s as in production. */
class VoiceXpTrackerTest {
  private static final long MINUTE = 60_000;
  private static final long T0 = 1_000 * MINUTE; // on a minute boundary

  private static VoiceSnapshot in(long user, long channel, String session) {
    return new VoiceSnapshot(user, "u" + user, false, channel, session, false, false, false, false);
  }

  private static VoiceSnapshot muted(long user, long channel, String session) {
    return new VoiceSnapshot(user, "u" + user, false, channel, session, true, false, false, false);
  }

  private static VoiceSnapshot left(long user) {
    return new VoiceSnapshot(user, "u" + user, false, 0, null, false, false, false, false);
  }

  @Test
  void paysEveryFullMinuteInCompanyWithStableKeys() {
    VoiceXpTracker tracker = new VoiceXpTracker(MINUTE);
    tracker.update(in(1, 10, "s1"), T0 + 5_000);
    tracker.update(in(2, 10, "s2"), T0 + 5_000);

    assertEquals(List.of(), tracker.drainDue(T0 + 65_000), "the first, partial minute is not paid");
    List<VoiceXpTracker.VoiceMinute> due = tracker.drainDue(T0 + 3 * MINUTE + 1);
    assertEquals(4, due.size()); // minutes 1001 and 1002 for each of the two
    assertEquals("ds_voice_s1_1001_1", due.stream().filter(m -> m.userId() == 1).findFirst().orElseThrow()
        .idempotencyKey());
    assertEquals(List.of(), tracker.drainDue(T0 + 3 * MINUTE + 2), "nothing is paid twice");
  }

  @Test
  void mutedAloneAndAfkMembersEarnNothing() {
    VoiceXpTracker tracker = new VoiceXpTracker(MINUTE);
    tracker.resync(List.of(muted(1, 10, "a"), in(2, 10, "b"), in(3, 11, "c"), in(4, 99, "d"), in(5, 99, "e")),
        99, T0);
    List<Long> paid = tracker.drainDue(T0 + 5 * MINUTE).stream().map(VoiceXpTracker.VoiceMinute::userId).distinct()
        .toList();
    // 2 has company (a muted member is still company); 1 is muted, 3 alone, 4 and 5 in AFK.
    assertEquals(List.of(2L), paid);
  }

  @Test
  void leavingOrMutingStopsPayAndANewSessionStartsFresh() {
    VoiceXpTracker tracker = new VoiceXpTracker(MINUTE);
    tracker.update(in(1, 10, "s1"), T0);
    tracker.update(in(2, 10, "s2"), T0);
    tracker.update(muted(1, 10, "s1"), T0 + 2 * MINUTE + 30_000);
    assertEquals(2, tracker.drainDue(T0 + 10 * MINUTE).stream().filter(m -> m.userId() == 1).count());

    tracker.update(left(1), T0 + 10 * MINUTE);
    tracker.update(in(1, 10, "s3"), T0 + 10 * MINUTE);
    List<VoiceXpTracker.VoiceMinute> due = tracker.drainDue(T0 + 11 * MINUTE);
    assertEquals(List.of("ds_voice_s3_1010_1"), due.stream().filter(m -> m.userId() == 1)
        .map(VoiceXpTracker.VoiceMinute::idempotencyKey).toList());
  }

  @Test
  void replayedSnapshotsDoNotRestartOrRepayMinutes() {
    VoiceXpTracker tracker = new VoiceXpTracker(MINUTE);
    tracker.update(in(1, 10, "s1"), T0);
    tracker.update(in(2, 10, "s2"), T0);
    assertEquals(2, tracker.drainDue(T0 + MINUTE).size());
    tracker.update(in(1, 10, "s1"), T0 + MINUTE + 10_000); // the same state again
    assertEquals(2, tracker.drainDue(T0 + 2 * MINUTE).size());
  }
}
