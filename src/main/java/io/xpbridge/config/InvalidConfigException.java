package io.xpbridge.config;

import java.util.List;

/** A configuration with one or more unusable values; {@link #problems()} names each field. */
public class InvalidConfigException extends ConfigException {
  private final List<String> problems;

  public InvalidConfigException(List<String> problems) {
    super("invalid configuration: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
