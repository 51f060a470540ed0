package io.xpbridge.bus;

import io.vertx.core.Future;
import io.xpbridge.domain.PlayerRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bot's memory of whom it registered ({@link Bus#PLAYERS_REGISTER}) in this process, so a
 * player's commands and activity cost one registration, not one per action. Bounded: forgetting
 * someone only costs one more request. One context only (a bot verticle's).
 */
public final class RegisteredPlayers {
  private static final int REMEMBERED = 50_000;

  private final BusClient bus;
  // Access order, so the least recently active players are forgotten first.
  private final Map<PlayerRef, Players.Register> registered = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<PlayerRef, Players.Register> eldest) {
      return size() > REMEMBERED;
    }
  };

  public RegisteredPlayers(BusClient bus) {
    this.bus = bus;
  }

  /** Registers (or refreshes) the account, whatever was remembered. */
  public Future<Players.Registered> register(Players.Register registration) {
    return bus.register(registration).onSuccess(reply -> registered.put(registration.ref(), registration));
  }

  /** What this process last registered for the account; null when it did not (or forgot). */
  public Players.Register remembered(PlayerRef ref) {
    return registered.get(ref);
  }

  /** Registers the account unless this process already did, with the same name, chat and language. */
  public Future<Void> ensure(Players.Register registration) {
    if (registration.equals(registered.get(registration.ref()))) {
      return Future.succeededFuture();
    }
    return register(registration).mapEmpty();
  }

  /**
   * Forgets the accounts of an erased player ({@link Bus#PLAYERS_ERASED}): their next action registers
   * again and so starts a new player with its chat, name and language, instead of one without them.
   */
  public void forget(Privacy.AccountsErased erased) {
    erased.telegramIds().forEach(id -> registered.remove(new PlayerRef(PlayerRef.Kind.TELEGRAM, id)));
    erased.discordIds().forEach(id -> registered.remove(new PlayerRef(PlayerRef.Kind.DISCORD, id)));
  }
}
