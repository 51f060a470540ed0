package io.xpbridge.sync;

import org.slf4j.Logger;

/** What the engine did since the last timer run; logged as one line per run. */
final class RunCounters {
  private long applied;
  private long failed;
  private long delivered;
  private long deliveryRetries;
  private long waiting;
  private long deliveryFailed;

  void applied(LedgerApplier.Report report) {
    applied += report.applied();
    failed += report.failed();
  }

  void delivered(EffectDeliverer.Report report) {
    delivered += report.completed();
    deliveryRetries += report.retrying();
    waiting += report.waiting();
    deliveryFailed += report.failed();
  }

  void logAndReset(Logger log, String instanceId) {
    boolean busy = applied + failed + delivered + deliveryRetries + deliveryFailed > 0;
    if (busy) {
      log.info("sync run {}: applied={} failed={} effectsDelivered={} effectRetries={} effectsWaiting={} effectsFailed={}",
          instanceId, applied, failed, delivered, deliveryRetries, waiting, deliveryFailed);
    } else {
      log.debug("sync run {}: idle, effectsWaiting={}", instanceId, waiting);
    }
    applied = failed = delivered = deliveryRetries = waiting = deliveryFailed = 0;
  }
}
