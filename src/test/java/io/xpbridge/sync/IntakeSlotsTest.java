package io.xpbridge.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.xpbridge.cluster.Membership;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each node's share of the cluster's intake budget, and how it follows the membership. */
class IntakeSlotsTest {

  private static List<Integer> shares(int budget, int nodes) {
    return IntStream.range(0, nodes).map(i -> IntakeSlots.share(budget, i, nodes)).boxed().toList();
  }

  @Test
  void theBudgetIsSplitEvenlyTheRemainderToTheFirstNodesAndEveryNodeKeepsOne() {
    assertEquals(List.of(4), shares(4, 1));
    assertEquals(List.of(2, 2), shares(4, 2));
    assertEquals(List.of(2, 1, 1), shares(4, 3));
    assertEquals(List.of(1, 1, 1, 1, 1, 1), shares(4, 6), "more nodes than the budget: one each");
    assertEquals(List.of(1, 1), shares(1, 2));
  }

  @Test
  void aChangeOfMembershipIsReadAtMostOnceASecond() throws InterruptedException {
    AtomicReference<Membership.Place> place = new AtomicReference<>(new Membership.Place(0, 1));
    IntakeSlots slots = new IntakeSlots(4, place::get);
    assertEquals(4, slots.getAsInt());
    place.set(new Membership.Place(1, 2));
    assertEquals(4, slots.getAsInt(), "read again only after a second");
    Thread.sleep(IntakeSlots.REFRESH_NANOS / 1_000_000 + 50);
    assertEquals(2, slots.getAsInt());
  }
}
