package io.xpbridge.domain;

/** How a caller names a player: our own id, or a platform id that is resolved (and created) on submit. */
public record PlayerRef(Kind kind, long id) {

  public enum Kind {
    PLAYER("playerId", "p"),
    TELEGRAM("telegramId", "tg"),
    DISCORD("discordId", "ds");

    private final String field;
    private final String keyTag;

    Kind(String field, String keyTag) {
      this.field = field;
      this.keyTag = keyTag;
    }

    public String field() {
      return field;
    }

    public String keyTag() {
      return keyTag;
    }
  }

  /** The user part of a generated idempotency key. */
  public String keyPart() {
    return kind == Kind.PLAYER ? "p" + id : Long.toString(id);
  }
}
