package io.xpbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    try {
      String[] postmaster = statFields(Path.of("/proc/" + postmasterPid + "/stat"));
      long ticks = cpuTicks(postmaster) + Long.parseLong(postmaster[13]) + Long.parseLong(postmaster[14]);
      for (long child : childrenOf(postmasterPid)) {
        try {
          ticks += cpuTicks(statFields(Path.of("/proc/" + child + "/stat")));
        } catch (IOException | RuntimeException e) {
          // ended meanwhile: its time is in the postmaster's reaped children now
        }
      }
      return ticks * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU time (user + system, all threads) process {@code pid} has used so far, or 0. */
  static long processCpuNanos(long pid) {
    try {
      return cpuTicks(statFields(Path.of("/proc/" + pid + "/stat"))) * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * CPU time (user + system) of process {@code pid}'s live threads so far, summed by thread name with
   * its digits dropped ("vert.x-eventloop-thread-#", "C2 CompilerThread#"), in nanoseconds.
   */
  static java.util.Map<String, Long> threadCpuNanos(long pid) {
    java.util.Map<String, Long> byName = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
          byName.merge(name, cpuTicks(statFields(stat)) * NANOS_PER_TICK, Long::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return byName;
    }
    return byName;
  }

  /**
   * Moves process {@code pid} (every thread) and, when {@code withChildren}, its child processes to
   * {@code cpus} (a taskset list such as "0" or "1-3"); children forked later inherit it. False when
   * taskset is missing or refused.
   */
  static boolean pin(long pid, String cpus, boolean withChildren) {
    List<Long> pids = new java.util.ArrayList<>(List.of(pid));
    if (withChildren) {
      try {
        pids.addAll(childrenOf(pid));
      } catch (IOException e) {
        return false;
      }
    }
    boolean all = true;
    for (long each : pids) {
      try {
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(each))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        all &= taskset.waitFor() == 0 || each != pid;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return all;
  }

  /** Busy and total CPU time of the whole machine so far (all cores), from /proc/stat, in ticks. */
  static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** /proc reports CPU time in clock ticks: the usual 100 per second. */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /** The live processes whose parent is {@code pid}. */
  private static List<Long> childrenOf(long pid) throws IOException {
    List<Long> children = new java.util.ArrayList<>();
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        String name = dir.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          if (Long.parseLong(statFields(dir.resolve("stat"))[1]) == pid) {
            children.add(Long.parseLong(name));
          }
        } catch (IOException | RuntimeException e) {
          // gone meanwhile
        }
      }
    }
    return children;
  }

  private static String[] statFields(Path statFile) throws IOException {
    return statFields(Files.readString(statFile));
  }

  /** A /proc stat line's fields after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14). */
  private static String[] statFields(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  /** User + system time of the process or thread, in ticks. */
  private static long cpuTicks(String[] fields) {
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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
