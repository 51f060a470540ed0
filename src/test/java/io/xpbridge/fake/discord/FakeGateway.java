package io.xpbridge.fake.discord;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway websocket: HELLO, IDENTIFY/RESUME, heartbeats, member chunk requests, and
 * dispatches in sequence order. JSON text frames only (the client must use Compression.NONE).
 */
final class FakeGateway {
  private static final Logger log = LoggerFactory.getLogger(FakeGateway.class);

  static final int OP_DISPATCH = 0;
  static final int OP_HEARTBEAT = 1;
  static final int OP_IDENTIFY = 2;
  static final int OP_PRESENCE = 3;
  static final int OP_RESUME = 6;
  static final int OP_REQUEST_MEMBERS = 8;
  static final int OP_HELLO = 10;
  static final int OP_HEARTBEAT_ACK = 11;

  private final FakeDiscord fake;
  private final List<Session> sessions = new CopyOnWriteArrayList<>();
  private int sequence;
  private JsonObject lastDispatch;
  private final java.util.Map<String, JsonObject> lastDispatchByType = new java.util.HashMap<>();

  final class Session {
    final ServerWebSocket socket;
    final String sessionId = UUID.randomUUID().toString().replace("-", "");
    volatile boolean identified;
    volatile int intents;

    Session(ServerWebSocket socket) {
      this.socket = socket;
    }

    void send(JsonObject frame) {
      if (!socket.isClosed()) {
        socket.writeTextMessage(frame.encode());
      }
    }
  }

  FakeGateway(FakeDiscord fake) {
    this.fake = fake;
  }

  /** While set, the websocket handshake is refused (503), as an unreachable gateway would leave the bot. */
  private volatile boolean refusing;

  void handshake(ServerWebSocketHandshake handshake) {
    if (refusing) {
      handshake.reject(503);
    } else {
      handshake.accept();
    }
  }

  void accept(ServerWebSocket socket) {
    Session session = new Session(socket);
    sessions.add(session);
    socket.closeHandler(v -> {
      sessions.remove(session);
      if (session.identified) {
        fake.sessionEvents.add(new FakeDiscord.SessionEvent("closed", System.nanoTime()));
      }
    });
    socket.exceptionHandler(e -> log.debug("Gateway socket error: {}", e.toString()));
    socket.textMessageHandler(text -> onFrame(session, new JsonObject(text)));
    session.send(new JsonObject().put("op", OP_HELLO).put("d", new JsonObject().put("heartbeat_interval", 41_250)));
  }

  private void onFrame(Session session, JsonObject frame) {
    int op = frame.getInteger("op", -1);
    switch (op) {
      case OP_HEARTBEAT -> session.send(new JsonObject().put("op", OP_HEARTBEAT_ACK).putNull("d"));
      case OP_IDENTIFY -> identify(session, frame.getJsonObject("d"));
      case OP_RESUME -> resume(session);
      case OP_REQUEST_MEMBERS -> sendMemberChunk(session, frame.getJsonObject("d"));
      case OP_PRESENCE -> { }
      default -> log.debug("Fake gateway ignores op {}: {}", op, frame);
    }
  }

  private void identify(Session session, JsonObject payload) {
    if (!fake.token().equals(payload.getString("token"))) {
      session.socket.close((short) 4004, "Authentication failed.");
      return;
    }
    session.intents = payload.getInteger("intents", 0);
    synchronized (fake.lock) {
      JsonObject ready = new JsonObject()
          .put("v", 10)
          .put("user", fake.botUserJson())
          .put("guilds", new JsonArray().add(new JsonObject()
              .put("id", FakeGuild.str(fake.guild.id)).put("unavailable", true)))
          .put("session_id", session.sessionId)
          .put("resume_gateway_url", fake.gatewayUrl())
          .put("private_channels", new JsonArray())
          .put("application", new JsonObject().put("id", FakeGuild.str(fake.applicationId())).put("flags", 0));
      sendDispatch(session, "READY", ready);
      sendDispatch(session, "GUILD_CREATE", fake.guild.guildCreate());
      session.identified = true;
    }
    fake.identified.incrementAndGet();
    fake.sessionEvents.add(new FakeDiscord.SessionEvent("identified", System.nanoTime()));
    int now = (int) sessions.stream().filter(s -> s.identified && !s.socket.isClosed()).count();
    fake.maxSessionsAtOnce.accumulateAndGet(now, Math::max);
  }

  private void resume(Session session) {
    synchronized (fake.lock) {
      session.identified = true;
      sendDispatch(session, "RESUMED", new JsonObject());
    }
  }

  private void sendMemberChunk(Session session, JsonObject request) {
    synchronized (fake.lock) {
      JsonArray wanted = request.getJsonArray("user_ids");
      JsonArray members = new JsonArray();
      fake.guild.members.values().stream()
          .filter(m -> wanted == null || wanted.contains(FakeGuild.str(m.id)) || wanted.contains(m.id))
          .forEach(m -> members.add(fake.guild.memberJson(m)));
      JsonObject chunk = new JsonObject()
          .put("guild_id", FakeGuild.str(fake.guild.id))
          .put("members", members)
          .put("chunk_index", 0)
          .put("chunk_count", 1)
          .put("nonce", request.getString("nonce"));
      sendDispatch(session, "GUILD_MEMBERS_CHUNK", chunk);
    }
  }

  /** Sends one event to every identified session. Caller holds the fake's lock. */
  void dispatch(String type, JsonObject data) {
    for (Session session : sessions) {
      if (session.identified) {
        sendDispatch(session, type, data);
      }
    }
    lastDispatch = new JsonObject().put("t", type).put("d", data.copy());
    lastDispatchByType.put(type, lastDispatch);
  }

  /** Sends the last dispatch again with a new sequence number, as Discord does after a resume. */
  void replayLastDispatch() {
    if (lastDispatch == null) {
      throw new IllegalStateException("Nothing was dispatched yet");
    }
    JsonObject replay = lastDispatch;
    dispatch(replay.getString("t"), replay.getJsonObject("d").copy());
  }

  /** Sends the last dispatch of {@code type} again, whatever was dispatched after it. */
  void replayLastDispatch(String type) {
    JsonObject replay = lastDispatchByType.get(type);
    if (replay == null) {
      throw new IllegalStateException("No " + type + " was dispatched yet");
    }
    dispatch(type, replay.getJsonObject("d").copy());
  }

  private void sendDispatch(Session session, String type, JsonObject data) {
    session.send(new JsonObject().put("op", OP_DISPATCH).put("s", ++sequence).put("t", type).put("d", data));
  }

  boolean hasIdentifiedSession() {
    return sessions.stream().anyMatch(s -> s.identified);
  }

  /** Drops every session with a code that asks the client to reconnect, and refuses new ones until {@link #recover}. */
  void outage() {
    refusing = true;
    sessions.forEach(s -> s.socket.close((short) 4000, "Unknown error (fake outage)"));
  }

  void recover() {
    refusing = false;
  }

  void closeAll() {
    sessions.forEach(s -> s.socket.close());
  }
}
