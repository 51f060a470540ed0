package io.xpbridge.config;

/** A configuration value that cannot be used; the message names the field. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
