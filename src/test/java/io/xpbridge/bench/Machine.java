package io.xpbridge.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** What the machine is doing: load average, this process's resident memory. */
final class Machine {
  private Machine() {}

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** VmRSS of this JVM in MB, or -1 when /proc is not there. */
  static double rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** CPU time this JVM has used so far (all threads). */
  static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  static double heapUsedMb() {
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
  }

  static JsonObject snapshot() {
    return new JsonObject().put("loadAverage", loadAverage()).put("rssMb", Stats.round(rssMb()));
  }

  /** Samples RSS every 250 ms on a daemon thread and keeps the maximum. */
  static final class RssSampler implements AutoCloseable {
    private final AtomicLong maxKb = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    RssSampler() {
      thread = new Thread(() -> {
        while (running) {
          maxKb.accumulateAndGet((long) (rssMb() * 1024), Math::max);
          try {
            Thread.sleep(250);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bench-rss-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    double maxMb() {
      return maxKb.get() / 1024.0;
    }

    @Override
    public void close() {
      running = false;
      thread.interrupt();
      maxKb.accumulateAndGet((long) (rssMb() * 1024), Math::max);
    }
  }
}
