package io.xpbridge.support;

/** Reading a {@code /metrics} body (Prometheus text format) in tests. */
public final class Metrics {
  private Metrics() {}

  /** The value of the gauge {@code name} without labels, or -1 when the body has none. */
  public static double gauge(String body, String name) {
    return body.lines().filter(l -> l.startsWith(name + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
  }
}
