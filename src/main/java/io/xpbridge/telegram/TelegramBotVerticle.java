package io.xpbridge.telegram;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.BusServer;
import io.xpbridge.bus.Platforms;
import io.xpbridge.bus.RegisteredPlayers;
import io.xpbridge.config.AppConfig;
import io.xpbridge.config.TelegramSettings;
import io.xpbridge.store.Database;
import io.xpbridge.store.TelegramOffsetStore;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * The Telegram bot: long-polls the Bot API, turns commands into bus requests, and delivers
 * {@code EFFECTS_TELEGRAM} notifications. Its config is the whole application config.
 *
 * <p>Start-up fails only when the bot cannot work at all (no token, invalid config, Telegram
 * rejects the token). A Telegram outage at start-up does not fail it: set-up calls are retried in
 * the background and polling begins when they succeed.
 */
public class TelegramBotVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(TelegramBotVerticle.class);
  private static final long SETUP_RETRY_START_MS = 1_000;
  private static final long SETUP_RETRY_MAX_MS = 60_000;

  /** A realistic answer: deserializing it once loads and links Jackson's Update mappers. */
  private static final String WARM_UP_ANSWER = "{\"ok\":true,\"result\":[{\"update_id\":1,\"message\":{\"message_id\":1,"
      + "\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"},\"from\":{\"id\":1,\"is_bot\":false,"
      + "\"first_name\":\"warm\",\"language_code\":\"en\"},\"text\":\"/start\","
      + "\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":6}]}}]}";

  private TelegramSettings settings;
  private String botUsername;
  /** Whether getMe has answered; until then the username may come from config only. */
  private boolean meKnown;
  private TelegramApiClient client;
  /** One connection, for the kept offset ({@link ConfirmedOffsets}). */
  private io.vertx.sqlclient.Pool offsetPool;
  private SendQueue queue;
  private UpdatePoller poller;
  private boolean stopping;
  /** {@code web.publicBaseUrl}: /profile links to the player's page when set. */
  private volatile String publicBaseUrl;

  @Override
  public Future<?> start() {
    AppConfig parsed = AppConfig.parse(config());
    settings = parsed.telegram();
    publicBaseUrl = parsed.web().publicBaseUrl();
    if (!settings.hasToken()) {
      return Future.failedFuture("Telegram bot not started: telegram.token is empty; set TELEGRAM_BOT_TOKEN");
    }
    botUsername = settings.botUsername();
    client = new TelegramApiClient(vertx, settings.apiUrl(), settings.token());
    queue = new SendQueue(vertx, client, settings.sendRatePerSecond(), settings.perChatIntervalMs());
    Replies replies = new Replies(queue);
    BusClient bus = new BusClient(vertx.eventBus());
    RegisteredPlayers players = new RegisteredPlayers(bus);
    Supplier<TelegramSettings> currentSettings = () -> settings;
    Supplier<String> currentBotUsername = () -> botUsername;
    CommandServices services = new CommandServices(bus, replies, players, queue, currentSettings,
        currentBotUsername, Clock.systemUTC());
    CommandRouter router = new CommandRouter(handlers(services), players, replies);
    UpdateDispatcher dispatcher = new UpdateDispatcher(router, replies, currentBotUsername, System::currentTimeMillis);
    poller = new UpdatePoller(vertx, client, dispatcher::handle, () -> settings.pollTimeoutSeconds(), this::announceReady,
        this::announceDisconnected, confirmedOffsets(parsed));
    EffectNotifier notifier = new EffectNotifier(replies, () -> settings.effectDeadlineMs());

    vertx.eventBus().<AppConfig>localConsumer(Bus.CONFIG_CHANGED, this::applyConfig);
    // An erased player's account starts over: its next command registers a new player (chat, name, language).
    vertx.eventBus().<Object>consumer(Bus.PLAYERS_ERASED, msg -> {
      if (msg.body() instanceof io.vertx.core.json.JsonObject body) {
        players.forget(io.xpbridge.bus.BusJson.decode(body, io.xpbridge.bus.Privacy.AccountsErased.class));
      }
    });
    return warmUpJackson()
        .compose(v -> BusServer.serveClusterWide(vertx.eventBus(), Bus.EFFECTS_TELEGRAM, Platforms.TelegramEffect.class,
            notifier::deliver).completion())
        .compose(v -> checkToken())
        .onSuccess(v -> setUpThenPoll())
        .onFailure(error -> {
          client.close();
          closeOffsetPool();
        });
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    if (poller == null) {
      return Future.succeededFuture();
    }
    return poller.stop().eventually(() -> {
      queue.close();
      closeOffsetPool();
      return client.close();
    });
  }

  /**
   * The offset kept in the service's database; a bot deployed without one (a test of the bot alone)
   * keeps it with Telegram only.
   */
  private ConfirmedOffsets confirmedOffsets(AppConfig parsed) {
    if (parsed.db().embedded()) {
      return ConfirmedOffsets.NONE;
    }
    offsetPool = Database.pool(vertx, parsed.db().databaseUrl(), 1);
    return ConfirmedOffsets.inDatabase(new TelegramOffsetStore(offsetPool), botId(settings.token()));
  }

  private void closeOffsetPool() {
    if (offsetPool != null) {
      offsetPool.close();
    }
  }

  /** The bot's numeric id: the part of the token before ':' (0 for a token of another shape). */
  static long botId(String token) {
    int colon = token.indexOf(':');
    try {
      return Long.parseLong(colon > 0 ? token.substring(0, colon) : token);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private Map<String, CommandHandler> handlers(CommandServices services) {
    CommandHandler dice = new DiceGameCommand(vertx, services);
    return Map.ofEntries(
        Map.entry("start", new StartCommand(services)),
        Map.entry("help", new HelpCommand(services.replies())),
        Map.entry("profile", new ProfileCommand(services, () -> publicBaseUrl)),
        Map.entry("rank", new RankCommand(services)),
        Map.entry("daily", new DailyCommand(services)),
        Map.entry("link", new LinkCommand(services)),
        Map.entry("unlink", new UnlinkCommand(services)),
        Map.entry("top", new TopCommand(services)),
        Map.entry("sync", new SyncCommand(services)),
        Map.entry("privacy", new PrivacyCommand(services)),
        Map.entry("play", dice),
        Map.entry("dice", dice));
  }

  /** The first Update mapping costs about a second of class loading: pay it off the event loop. */
  private Future<Void> warmUpJackson() {
    return vertx.executeBlocking(() -> {
      new GetUpdates().deserializeResponse(WARM_UP_ANSWER);
      return null;
    }, false).mapEmpty();
  }

  /** getMe: learns the bot's username (for t.me links) and fails start-up if the token is refused. */
  private Future<Void> checkToken() {
    return client.execute(new GetMe()).<Void>map(me -> {
      rememberUsername(me);
      return null;
    }).recover(error -> {
      if (error instanceof TelegramCallException call && call.kind() == TelegramCallException.Kind.UNAUTHORIZED) {
        return Future.failedFuture("Telegram bot not started: Telegram refused the bot token (getMe answered "
            + call.errorCode() + "). Check telegram.token / TELEGRAM_BOT_TOKEN.");
      }
      log.warn("Telegram is not reachable at start-up ({}); the bot keeps trying in the background", error.getMessage());
      return Future.succeededFuture();
    });
  }

  private void rememberUsername(User me) {
    meKnown = true;
    if (me != null && me.getUserName() != null && !Objects.equals(me.getUserName(), botUsername)) {
      botUsername = me.getUserName();
      log.info("Telegram bot @{} connected", botUsername);
    }
  }

  /** Webhook off (polling is refused while one is set), command menus, then polling forever. */
  private void setUpThenPoll() {
    Future<Void> username = meKnown
        ? Future.succeededFuture()
        : retrying("getMe", () -> client.execute(new GetMe()).map(me -> {
          rememberUsername(me);
          return null;
        }));
    username
        .compose(v -> retrying("deleteWebhook", () -> client.execute(new DeleteWebhook()).mapEmpty()))
        .compose(v -> setCommandMenus())
        .onSuccess(v -> {
          if (!stopping) {
            poller.start().onFailure(e -> log.warn("Telegram polling could not start: {}", e.getMessage()));
          }
        });
  }

  private Future<Void> setCommandMenus() {
    Future<Void> chain = Future.succeededFuture();
    for (SetMyCommands menu : BotCommands.menus()) {
      // A missing menu is cosmetic: log it, never let it hold polling back.
      chain = chain.compose(v -> client.execute(menu).<Void>mapEmpty().recover(error -> {
        if (stopping) {
          return Future.succeededFuture();
        }
        log.warn("Telegram command menu ({}) not set: {}", menu.getLanguageCode() == null ? "default" : menu.getLanguageCode(),
            error.getMessage());
        return Future.succeededFuture();
      }));
    }
    return chain;
  }

  private <T> Future<T> retrying(String what, Supplier<Future<T>> call) {
    Promise<T> done = Promise.promise();
    attempt(what, call, done, SETUP_RETRY_START_MS, 1);
    return done.future();
  }

  private <T> void attempt(String what, Supplier<Future<T>> call, Promise<T> done, long delayMs, int attempt) {
    if (stopping) {
      return;
    }
    call.get().onSuccess(done::complete).onFailure(error -> {
      if (stopping) {
        return;
      }
      long wait = error instanceof TelegramCallException e && e.kind() == TelegramCallException.Kind.RATE_LIMITED
          ? e.retryAfterMs() : delayMs;
      if (attempt == 1 || attempt % 10 == 0) {
        log.warn("Telegram {} failed (attempt {}), retrying in {} ms: {}", what, attempt, wait, error.getMessage());
      }
      vertx.setTimer(Math.max(1, wait), id -> attempt(what, call, done, Math.min(SETUP_RETRY_MAX_MS, delayMs * 2), attempt + 1));
    });
  }

  private void announceReady() {
    log.info("Telegram polling is working");
    vertx.eventBus().publish(Bus.PLATFORM_READY, BusJson.encode(new Platforms.Ready("telegram")));
  }

  private void announceDisconnected(String error) {
    vertx.eventBus().publish(Bus.PLATFORM_DISCONNECTED, BusJson.encode(new Platforms.Disconnected("telegram", error)));
  }

  /** The tree is already checked, and keeps the running token and API URL (the watcher sees to both). */
  private void applyConfig(Message<AppConfig> message) {
    TelegramSettings next = message.body().telegram();
    settings = next;
    publicBaseUrl = message.body().web().publicBaseUrl();
    queue.updateLimits(next.sendRatePerSecond(), next.perChatIntervalMs());
    if (next.botUsername() != null && botUsername == null) {
      botUsername = next.botUsername();
    }
  }
}
