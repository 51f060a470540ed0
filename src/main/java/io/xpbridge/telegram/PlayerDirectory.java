package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes sure the engine knows a Telegram user (and the chat and language to notify them in)
 * before their first command, even if they never sent /start. Remembers who was registered by
 * this process so that costs one bus request per user, not one per command.
 */
final class PlayerDirectory {

  private static final int MAX_REMEMBERED = 50_000;

  private final EngineClient engine;
  private final Map<Long, Boolean> registered = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };

  PlayerDirectory(EngineClient engine) {
    this.engine = engine;
  }

  /** Registers (or refreshes) the caller. Reply {playerId, created}. */
  Future<JsonObject> register(IncomingCommand command) {
    JsonObject request = new JsonObject()
        .put("telegramId", command.userId())
        .put("chatId", command.chatId());
    if (command.username() != null) {
      request.put("username", command.username());
    }
    if (command.languageCode() != null) {
      request.put("languageCode", command.languageCode());
    }
    return engine.request(Bus.PLAYERS_REGISTER, request)
        .onSuccess(reply -> registered.put(command.userId(), Boolean.TRUE));
  }

  Future<Void> ensureRegistered(IncomingCommand command) {
    if (registered.containsKey(command.userId())) {
      return Future.succeededFuture();
    }
    return register(command).mapEmpty();
  }
}
