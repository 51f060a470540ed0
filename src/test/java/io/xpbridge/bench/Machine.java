package io.xpbridge.bench;

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
    return rssMb("self");
  }

  /** VmRSS of process {@code pid} ("self" for this JVM) in MB, or -1. */
  static double rssMb(String pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
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

  /**
   * CPU time used so far by a PostgreSQL server running on this machine: the postmaster, its live
   * children (backends, writers) and the children it has reaped. 0 when /proc or the pid is unknown.
   * Assumes the usual 100 clock ticks per second.
   */
  static long postgresCpuNanos(long postmasterPid) {
    if (postmasterPid <= 0) {
      return 0;
    }
    long ticks = 0;
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        String name = dir.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        String[] f;
        try {
          String stat = Files.readString(dir.resolve("stat"));
          f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
          continue;
        }
        long pid = Long.parseLong(name);
        long ppid = Long.parseLong(f[1]);
        // fields after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
        if (pid == postmasterPid) {
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } else if (ppid == postmasterPid) {
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks * 10_000_000L;
  }

  static double heapUsedMb() {
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0);
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
