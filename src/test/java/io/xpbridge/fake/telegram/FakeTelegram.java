package io.xpbridge.fake.telegram;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A local Telegram Bot API for tests: {@code POST /bot<token>/<method>} with a JSON body, method
 * names matched case-insensitively (the real library sends {@code getupdates} and
 * {@code sendDice} alike). getUpdates has real long-poll and offset semantics: a request waits
 * until an update arrives or its timeout passes, and an offset confirms (deletes) every update
 * below it. Faults can be scripted: 429 with {@code retry_after}, 5xx, blocked chats.
 *
 * <p>Thread-safe: tests enqueue and inspect from their own thread; the server runs on the event
 * loop of the context {@link #start()} was called from. The {@code await*} helpers block and
 * must not be called on an event loop.
 *
 * <pre>{@code
 * FakeTelegram telegram = new FakeTelegram(vertx);
 * telegram.start().await();
 * config.getJsonObject("telegram").put("token", telegram.token()).put("apiUrl", telegram.apiUrl());
 * // deploy TelegramBotVerticle with config, then:
 * telegram.enqueueText(TgUser.russian(42), "/daily");
 * telegram.awaitSentTo(42, 1, Duration.ofSeconds(10));   // the bot's reply
 * telegram.rateLimitNext("sendMessage", 3, 1);            // next 3 sends answer 429, retry_after 1 s
 * }</pre>
 */
public final class FakeTelegram {

  public static final String DEFAULT_TOKEN = "123456789:TEST-token_for-fake";
  public static final String DEFAULT_BOT_USERNAME = "xpbridge_test_bot";
  public static final long BOT_ID = 123456789L;

  /** A Telegram user writing to the bot. */
  public record TgUser(long id, String username, String languageCode) {
    public static TgUser russian(long id) {
      return new TgUser(id, "user" + id, "ru");
    }

    public static TgUser english(long id) {
      return new TgUser(id, "user" + id, "en");
    }
  }

  /** An update that was queued, with the ids the bot will see. */
  public record Enqueued(int updateId, int messageId, JsonObject update) {}

  /** A call the bot made that put something in a chat (sendMessage, sendDice). */
  public record SentMessage(String method, long chatId, String text, JsonObject dice, int messageId,
                            long atNanos, JsonObject request) {
    public Integer diceValue() {
      return dice == null ? null : dice.getInteger("value");
    }

    /** The uploaded bytes of a sendPhoto, or null. */
    public byte[] photo() {
      return "sendphoto".equals(method) && request.getMap().get("photo") instanceof byte[] bytes ? bytes : null;
    }

    /** The uploaded bytes of a sendDocument, or null. */
    public byte[] document() {
      return "senddocument".equals(method) && request.getMap().get("document") instanceof byte[] bytes ? bytes : null;
    }

    /** The file name the sendDocument upload declared, or null. */
    public String documentName() {
      return "senddocument".equals(method) ? request.getString("document" + FILE_NAME_SUFFIX) : null;
    }
  }

  /** Any call that reached the fake, answered or not. */
  public record Call(String method, JsonObject body, int status, long atNanos) {}

  private record Fault(String method, int status, int retryAfterSeconds, int[] remaining) {}

  private record PendingPoll(HttpServerResponse response, long offset, int limit, long timerId) {}

  private final Vertx vertx;
  private final String token;
  private final String botUsername;
  private HttpServer server;
  private Context context;

  private final List<JsonObject> updates = new ArrayList<>();
  private final List<SentMessage> sent = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<Fault> faults = new ArrayList<>();
  private final Deque<Integer> scriptedDice = new ArrayDeque<>();
  private final Map<Long, String> blockedChats = new LinkedHashMap<>();
  private final Map<String, JsonArray> commandMenus = new LinkedHashMap<>();
  private PendingPoll pendingPoll;
  private int nextUpdateId = 1;
  private int nextMessageId = 1;
  private long confirmedOffset;
  private boolean keepConfirmedUpdates;
  private int maxBatch = 100;

  public FakeTelegram(Vertx vertx) {
    this(vertx, DEFAULT_TOKEN, DEFAULT_BOT_USERNAME);
  }

  public FakeTelegram(Vertx vertx, String token, String botUsername) {
    this.vertx = vertx;
    this.token = token;
    this.botUsername = botUsername;
  }

  /** Starts listening on a free loopback port; the future gives the port. */
  public Future<Integer> start() {
    context = vertx.getOrCreateContext();
    Future<Integer> port = Future.future(promise -> context.runOnContext(v -> vertx.createHttpServer()
        .requestHandler(this::onRequest)
        .listen(0, "127.0.0.1")
        .onSuccess(s -> {
          server = s;
          promise.complete(s.actualPort());
        })
        .onFailure(promise::fail)));
    return port;
  }

  public int port() {
    return server.actualPort();
  }

  /** Base URL for {@code telegram.apiUrl}. */
  public String apiUrl() {
    return "http://127.0.0.1:" + port();
  }

  public String token() {
    return token;
  }

  public String botUsername() {
    return botUsername;
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  // ---- updates ----

  /** A private-chat text message from {@code from}; a leading "/word" gets a bot_command entity. */
  public static JsonObject textMessage(TgUser from, String text) {
    return message(from, privateChat(from)).put("text", text).put("entities", commandEntities(text));
  }

  /** A text message from {@code from} in a group chat. */
  public static JsonObject groupTextMessage(TgUser from, long groupChatId, String text) {
    JsonObject chat = new JsonObject().put("id", groupChatId).put("type", "supergroup").put("title", "Test group");
    return message(from, chat).put("text", text).put("entities", commandEntities(text));
  }

  /** A private-chat sticker (no text). */
  public static JsonObject stickerMessage(TgUser from) {
    return message(from, privateChat(from)).put("sticker", new JsonObject()
        .put("file_id", "CAACAgIAAxkBAAE").put("file_unique_id", "AgADBAAD").put("type", "regular")
        .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false)
        .put("emoji", "👍"));
  }

  /** Queues {@code message} as {@code update.message}, assigning update and message ids. */
  public Enqueued enqueueMessage(JsonObject message) {
    return enqueueUpdate("message", message);
  }

  /** Queues an update whose single payload field is {@code kind} ("message", "edited_message"...). */
  public synchronized Enqueued enqueueUpdate(String kind, JsonObject payload) {
    JsonObject copy = payload.copy();
    int messageId = copy.containsKey("message_id") ? copy.getInteger("message_id") : nextMessageId++;
    copy.put("message_id", messageId);
    if (!copy.containsKey("date")) {
      copy.put("date", System.currentTimeMillis() / 1000);
    }
    JsonObject update = new JsonObject().put("update_id", nextUpdateId++).put(kind, copy);
    enqueueRaw(update);
    return new Enqueued(update.getInteger("update_id"), messageId, update);
  }

  /** A text message from {@code from} in their private chat. */
  public Enqueued enqueueText(TgUser from, String text) {
    return enqueueMessage(textMessage(from, text));
  }

  /**
   * Queues {@code update} exactly as given (its update_id is kept: use it to re-deliver an update
   * or to send something the library cannot map).
   */
  public synchronized void enqueueRaw(JsonObject update) {
    Integer id = update.getInteger("update_id");
    if (id != null && id >= nextUpdateId) {
      nextUpdateId = id + 1;
    }
    updates.add(update.copy());
    if (context != null) {
      context.runOnContext(v -> answerPendingPoll());
    }
  }

  /** Like a bot that crashed before confirming: updates stay available to a poll with a lower offset. */
  public synchronized void keepConfirmedUpdates(boolean keep) {
    this.keepConfirmedUpdates = keep;
  }

  /** The highest offset the bot has sent: every update below it is confirmed. */
  public synchronized long confirmedOffset() {
    return confirmedOffset;
  }

  public synchronized int pendingUpdateCount() {
    return (int) updates.stream().filter(u -> u.getInteger("update_id", 0) >= confirmedOffset).count();
  }

  /** Limits how many updates one getUpdates answer carries (Telegram: 100). */
  public synchronized void maxBatch(int max) {
    this.maxBatch = max;
  }

  // ---- faults and scripts ----

  /** The next {@code count} calls (any method) answer 429 with {@code parameters.retry_after}. */
  public void rateLimitNext(int count, int retryAfterSeconds) {
    rateLimitNext(null, count, retryAfterSeconds);
  }

  /** The next {@code count} calls of {@code method} (case-insensitive; null = any) answer 429. */
  public synchronized void rateLimitNext(String method, int count, int retryAfterSeconds) {
    faults.add(new Fault(normalize(method), 429, retryAfterSeconds, new int[] {count}));
  }

  /** The next {@code count} calls (any method) answer {@code httpStatus} with an HTML body, like a proxy. */
  public void failNext(int count, int httpStatus) {
    failNext(null, count, httpStatus);
  }

  public synchronized void failNext(String method, int count, int httpStatus) {
    faults.add(new Fault(normalize(method), httpStatus, 0, new int[] {count}));
  }

  /** Messages to {@code chatId} answer 403 "bot was blocked by the user". */
  public synchronized void blockChat(long chatId) {
    blockedChats.put(chatId, "Forbidden: bot was blocked by the user");
  }

  /** The next sendDice calls roll these values, in order; after that, random values. */
  public synchronized void scriptDice(int... values) {
    for (int value : values) {
      scriptedDice.addLast(value);
    }
  }

  // ---- inspection ----

  public synchronized List<SentMessage> sentMessages() {
    return List.copyOf(sent);
  }

  public synchronized List<SentMessage> sentTo(long chatId) {
    return sent.stream().filter(m -> m.chatId() == chatId).toList();
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Calls of {@code method} (case-insensitive). */
  public synchronized List<Call> calls(String method) {
    String wanted = normalize(method);
    return calls.stream().filter(c -> c.method().equals(wanted)).toList();
  }

  /** setMyCommands bodies by language_code ("" for the default menu). */
  public synchronized Map<String, JsonArray> commandMenus() {
    return Map.copyOf(commandMenus);
  }

  // ---- blocking waits for tests ----

  /** Waits until {@code chatId} received at least {@code count} messages; returns them all. */
  public List<SentMessage> awaitSentTo(long chatId, int count, Duration timeout) {
    awaitCondition(() -> sentTo(chatId).size() >= count, timeout,
        () -> count + " message(s) to chat " + chatId + ", got " + sentTo(chatId));
    return sentTo(chatId);
  }

  /** Waits for a message matching {@code predicate} and returns the first one. */
  public SentMessage awaitSent(Predicate<SentMessage> predicate, Duration timeout) {
    awaitCondition(() -> sentMessages().stream().anyMatch(predicate), timeout,
        () -> "a matching message; sent so far: " + sentMessages());
    return sentMessages().stream().filter(predicate).findFirst().orElseThrow();
  }

  /** Waits until the bot confirmed every update below {@code offset}. */
  public void awaitConfirmed(long offset, Duration timeout) {
    awaitCondition(() -> confirmedOffset() >= offset, timeout,
        () -> "offset " + offset + " confirmed, confirmed so far " + confirmedOffset());
  }

  public static void awaitCondition(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("FakeTelegram.await* blocks: call it from the test thread, not an event loop");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what.get(), e);
      }
    }
  }

  // ---- HTTP ----

  private void onRequest(HttpServerRequest request) {
    String type = request.getHeader("Content-Type");
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      onMultipart(request);
      return;
    }
    request.body().onSuccess(body -> dispatch(request, body))
        .onFailure(error -> request.response().setStatusCode(400).end());
  }

  /** Where a multipart request's file part's declared file name is kept: the part's name plus this. */
  static final String FILE_NAME_SUFFIX = "_filename";

  /**
   * sendPhoto or sendDocument with an upload, as telegrambots sends it: form fields, the file as a part
   * named "photo" or "document".
   */
  private void onMultipart(HttpServerRequest request) {
    request.setExpectMultipart(true);
    Map<String, Buffer> files = new LinkedHashMap<>();
    Map<String, String> fileNames = new LinkedHashMap<>();
    request.uploadHandler(upload -> {
      Buffer data = Buffer.buffer();
      synchronized (files) {
        files.put(upload.name(), data);
        fileNames.put(upload.name(), upload.filename());
      }
      upload.handler(data::appendBuffer);
    });
    request.endHandler(v -> {
      JsonObject params = new JsonObject();
      request.formAttributes().forEach((k, value) -> params.put(k, value));
      synchronized (files) {
        files.forEach((name, data) -> params.put(name, data.getBytes()));
        fileNames.forEach((name, fileName) -> params.put(name + FILE_NAME_SUFFIX, fileName));
      }
      dispatch(request, params);
    });
    request.exceptionHandler(error -> request.response().setStatusCode(400).end());
  }

  private void dispatch(HttpServerRequest request, Buffer body) {
    JsonObject params;
    try {
      params = body.length() == 0 ? new JsonObject() : body.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      params = null;
    }
    dispatch(request, params);
  }

  /** {@code params} null: a body that is not JSON. */
  private void dispatch(HttpServerRequest request, JsonObject parsed) {
    String path = request.path();
    String prefix = "/bot" + token + "/";
    if (!path.startsWith("/bot")) {
      answer(request.response(), "?", new JsonObject(), 404, error(404, "Not Found"));
      return;
    }
    if (!path.startsWith(prefix)) {
      answer(request.response(), "?", new JsonObject(), 401, error(401, "Unauthorized"));
      return;
    }
    String method = normalize(path.substring(prefix.length()));
    if (parsed == null) {
      answer(request.response(), method, new JsonObject(), 400, error(400, "Bad Request: can't parse JSON"));
      return;
    }
    JsonObject params = parsed;
    request.params().forEach((k, v) -> params.put(k, params.getValue(k, v)));

    Fault fault = takeFault(method);
    if (fault != null) {
      if (fault.status() == 429) {
        JsonObject tooMany = error(429, "Too Many Requests: retry after " + fault.retryAfterSeconds())
            .put("parameters", new JsonObject().put("retry_after", fault.retryAfterSeconds()));
        answer(request.response(), method, params, 429, tooMany);
      } else {
        recordCall(method, params, fault.status());
        request.response().setStatusCode(fault.status()).putHeader("Content-Type", "text/html")
            .end("<html><body><h1>" + fault.status() + " Bad Gateway</h1></body></html>");
      }
      return;
    }
    switch (method) {
      case "getupdates" -> getUpdates(request.response(), params);
      case "sendmessage" -> sendMessage(request.response(), method, params);
      case "senddice" -> sendDice(request.response(), method, params);
      case "sendphoto" -> sendPhoto(request.response(), method, params);
      case "senddocument" -> sendDocument(request.response(), method, params);
      case "getme" -> answer(request.response(), method, params, 200, ok(botUser()));
      case "deletewebhook" -> answer(request.response(), method, params, 200, ok(true));
      case "setmycommands" -> setMyCommands(request.response(), method, params);
      default -> answer(request.response(), method, params, 404, error(404, "Not Found: method not found"));
    }
  }

  private synchronized void getUpdates(HttpServerResponse response, JsonObject params) {
    long offset = params.getLong("offset", 0L);
    int limit = Math.max(1, Math.min(maxBatch, params.getInteger("limit", 100)));
    int timeout = params.getInteger("timeout", 0);
    if (offset > confirmedOffset) {
      confirmedOffset = offset;
      if (!keepConfirmedUpdates) {
        updates.removeIf(u -> u.getInteger("update_id", 0) < offset);
      }
    }
    if (pendingPoll != null) {
      // Telegram allows one getUpdates at a time per token; the older one loses.
      PendingPoll older = pendingPoll;
      pendingPoll = null;
      vertx.cancelTimer(older.timerId());
      answer(older.response(), "getupdates", params, 409,
          error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
    }
    JsonArray batch = batchFrom(offset, limit);
    if (!batch.isEmpty() || timeout <= 0) {
      answer(response, "getupdates", params, 200, ok(batch));
      return;
    }
    long timerId = vertx.setTimer(timeout * 1000L, id -> expirePoll(response));
    pendingPoll = new PendingPoll(response, offset, limit, timerId);
    response.closeHandler(v -> dropPoll(response));
    recordCall("getupdates", params, 0);
  }

  private synchronized void answerPendingPoll() {
    if (pendingPoll == null) {
      return;
    }
    JsonArray batch = batchFrom(pendingPoll.offset(), pendingPoll.limit());
    if (batch.isEmpty()) {
      return;
    }
    PendingPoll poll = pendingPoll;
    pendingPoll = null;
    vertx.cancelTimer(poll.timerId());
    poll.response().putHeader("Content-Type", "application/json").end(ok(batch).encode());
  }

  private synchronized void expirePoll(HttpServerResponse response) {
    if (pendingPoll != null && pendingPoll.response() == response) {
      pendingPoll = null;
      if (!response.closed()) {
        response.putHeader("Content-Type", "application/json").end(ok(new JsonArray()).encode());
      }
    }
  }

  private synchronized void dropPoll(HttpServerResponse response) {
    if (pendingPoll != null && pendingPoll.response() == response) {
      vertx.cancelTimer(pendingPoll.timerId());
      pendingPoll = null;
    }
  }

  private JsonArray batchFrom(long offset, int limit) {
    JsonArray batch = new JsonArray();
    for (JsonObject update : updates) {
      if (batch.size() >= limit) {
        break;
      }
      if (update.getInteger("update_id", 0) >= offset) {
        batch.add(update.copy());
      }
    }
    return batch;
  }

  private synchronized void sendMessage(HttpServerResponse response, String method, JsonObject params) {
    Long chatId = chatId(params);
    String text = params.getString("text");
    if (chatId == null) {
      answer(response, method, params, 400, error(400, "Bad Request: chat_id is empty"));
    } else if (text == null || text.isEmpty()) {
      answer(response, method, params, 400, error(400, "Bad Request: message text is empty"));
    } else if (text.length() > 4096) {
      answer(response, method, params, 400, error(400, "Bad Request: message is too long"));
    } else if (blockedChats.containsKey(chatId)) {
      answer(response, method, params, 403, error(403, blockedChats.get(chatId)));
    } else {
      JsonObject message = botMessage(chatId).put("text", text);
      sent.add(new SentMessage(method, chatId, text, null, message.getInteger("message_id"), System.nanoTime(), params));
      answer(response, method, params, 200, ok(message));
    }
  }

  /** A photo must be an upload (the bot never sends a file_id or URL); recorded with its bytes. */
  private synchronized void sendPhoto(HttpServerResponse response, String method, JsonObject params) {
    Long chatId = chatId(params);
    // getValue would hand back a byte[] as base64 text; the raw map keeps what the upload was.
    Object photo = params.getMap().get("photo");
    if (chatId == null) {
      answer(response, method, params, 400, error(400, "Bad Request: chat_id is empty"));
    } else if (!(photo instanceof byte[]) || ((byte[]) photo).length == 0) {
      answer(response, method, params, 400, error(400, "Bad Request: there is no photo in the request"));
    } else if (blockedChats.containsKey(chatId)) {
      answer(response, method, params, 403, error(403, blockedChats.get(chatId)));
    } else {
      JsonObject message = botMessage(chatId).put("photo", new JsonArray().add(new JsonObject()
          .put("file_id", "photo" + nextMessageId).put("file_unique_id", "u" + nextMessageId)
          .put("width", 934).put("height", 282)));
      String caption = params.getString("caption");
      sent.add(new SentMessage(method, chatId, caption == null ? "" : caption, null, message.getInteger("message_id"),
          System.nanoTime(), params));
      answer(response, method, params, 200, ok(message));
    }
  }

  /** A document must be an upload, as the real Bot API takes a new file: recorded with its bytes and name. */
  private synchronized void sendDocument(HttpServerResponse response, String method, JsonObject params) {
    Long chatId = chatId(params);
    Object document = params.getMap().get("document");
    if (chatId == null) {
      answer(response, method, params, 400, error(400, "Bad Request: chat_id is empty"));
    } else if (!(document instanceof byte[]) || ((byte[]) document).length == 0) {
      answer(response, method, params, 400, error(400, "Bad Request: there is no document in the request"));
    } else if (blockedChats.containsKey(chatId)) {
      answer(response, method, params, 403, error(403, blockedChats.get(chatId)));
    } else {
      String fileName = params.getString("document" + FILE_NAME_SUFFIX, "file");
      JsonObject message = botMessage(chatId).put("document", new JsonObject()
          .put("file_id", "document" + nextMessageId).put("file_unique_id", "u" + nextMessageId)
          .put("file_name", fileName).put("file_size", ((byte[]) document).length));
      String caption = params.getString("caption");
      sent.add(new SentMessage(method, chatId, caption == null ? "" : caption, null, message.getInteger("message_id"),
          System.nanoTime(), params));
      answer(response, method, params, 200, ok(message));
    }
  }

  private synchronized void sendDice(HttpServerResponse response, String method, JsonObject params) {
    Long chatId = chatId(params);
    String emoji = params.getString("emoji", "🎲");
    if (chatId == null) {
      answer(response, method, params, 400, error(400, "Bad Request: chat_id is empty"));
    } else if (blockedChats.containsKey(chatId)) {
      answer(response, method, params, 403, error(403, blockedChats.get(chatId)));
    } else {
      int max = switch (emoji) {
        case "🎰" -> 64;
        case "🏀", "⚽" -> 5;
        default -> 6;
      };
      Integer scripted = scriptedDice.pollFirst();
      int value = scripted != null ? scripted : ThreadLocalRandom.current().nextInt(1, max + 1);
      JsonObject dice = new JsonObject().put("emoji", emoji).put("value", value);
      JsonObject message = botMessage(chatId).put("dice", dice);
      sent.add(new SentMessage(method, chatId, null, dice, message.getInteger("message_id"), System.nanoTime(), params));
      answer(response, method, params, 200, ok(message));
    }
  }

  private synchronized void setMyCommands(HttpServerResponse response, String method, JsonObject params) {
    JsonArray commands = params.getJsonArray("commands");
    if (commands == null || commands.isEmpty()) {
      answer(response, method, params, 400, error(400, "Bad Request: commands must be non-empty"));
      return;
    }
    commandMenus.put(params.getString("language_code", ""), commands.copy());
    answer(response, method, params, 200, ok(true));
  }

  private synchronized Fault takeFault(String method) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault fault = it.next();
      if (fault.method() == null || fault.method().equals(method)) {
        if (--fault.remaining()[0] <= 0) {
          it.remove();
        }
        return fault;
      }
    }
    return null;
  }

  private void answer(HttpServerResponse response, String method, JsonObject params, int status, JsonObject body) {
    recordCall(method, params, status);
    if (!response.closed()) {
      response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
  }

  private synchronized void recordCall(String method, JsonObject params, int status) {
    calls.add(new Call(method, params.copy(), status, System.nanoTime()));
  }

  private JsonObject botMessage(long chatId) {
    return new JsonObject()
        .put("message_id", nextMessageId++)
        .put("date", System.currentTimeMillis() / 1000)
        .put("chat", new JsonObject().put("id", chatId).put("type", chatId > 0 ? "private" : "supergroup"))
        .put("from", botUser());
  }

  private JsonObject botUser() {
    return new JsonObject().put("id", BOT_ID).put("is_bot", true).put("first_name", "XP Bridge Test")
        .put("username", botUsername).put("can_join_groups", true).put("can_read_all_group_messages", false)
        .put("supports_inline_queries", false);
  }

  private static JsonObject message(TgUser from, JsonObject chat) {
    JsonObject user = new JsonObject().put("id", from.id()).put("is_bot", false).put("first_name", "User " + from.id());
    if (from.username() != null) {
      user.put("username", from.username());
    }
    if (from.languageCode() != null) {
      user.put("language_code", from.languageCode());
    }
    return new JsonObject().put("chat", chat).put("from", user);
  }

  private static JsonObject privateChat(TgUser from) {
    JsonObject chat = new JsonObject().put("id", from.id()).put("type", "private").put("first_name", "User " + from.id());
    if (from.username() != null) {
      chat.put("username", from.username());
    }
    return chat;
  }

  private static JsonArray commandEntities(String text) {
    JsonArray entities = new JsonArray();
    if (text != null && text.startsWith("/")) {
      int end = 1;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      entities.add(new JsonObject().put("type", "bot_command").put("offset", 0).put("length", end));
    }
    return entities;
  }

  private static Long chatId(JsonObject params) {
    Object value = params.getValue("chat_id");
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static JsonObject ok(Object result) {
    return new JsonObject().put("ok", true).put("result", result);
  }

  private static JsonObject error(int code, String description) {
    return new JsonObject().put("ok", false).put("error_code", code).put("description", description);
  }

  private static String normalize(String method) {
    return method == null ? null : method.toLowerCase(Locale.ROOT);
  }
}
