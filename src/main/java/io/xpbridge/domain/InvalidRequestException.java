package io.xpbridge.domain;

/** Input that can never succeed; its message is shown to whoever sent it. */
public class InvalidRequestException extends RuntimeException {
  public InvalidRequestException(String message) {
    super(message);
  }
}
