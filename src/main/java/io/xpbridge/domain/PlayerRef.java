package io.xpbridge.domain;

/** How a caller names a player: our own id, or a platform id that is resolved (and created) on submit. */
public record PlayerRef(Kind kind, long id) {

  public enum Kind {
    PLAYER("playerId"),
    TELEGRAM("telegramId"),
    DISCORD("discordId");

    private final String field;

    Kind(String field) {
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** The user part of a generated idempotency key. */
  public String keyPart() {
    return kind == Kind.PLAYER ? "p" + id : Long.toString(id);
  }
}
