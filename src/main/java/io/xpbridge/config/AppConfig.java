package io.xpbridge.config;

import io.vertx.core.json.JsonObject;
import io.xpbridge.domain.Economy;
import java.util.List;
import java.util.Locale;

/**
 * The whole configuration, typed, validated and immutable: what every verticle reads, at start and
 * on each live change. Only {@link #parse} builds one, after checking every field, so a tree that
 * exists is one every verticle can apply in full.
 *
 * <p>How verticles get it: the App deploys them the Vert.x way, with the JSON it validated as
 * their deployment config, and each one calls {@code AppConfig.parse(config())} in {@code start()}.
 * The parse is deterministic, so it cannot fail on JSON the App accepted, and a verticle stays
 * deployable on its own (tests, a second engine in another process). Live changes arrive as the
 * instance the watcher accepted ({@link ConfigChanges}), never as JSON to read again.
 */
public record AppConfig(
    DbSettings db,
    HttpSettings http,
    SyncSettings sync,
    ReconcileSettings reconcile,
    CleanupSettings cleanup,
    LinkSettings link,
    DailySettings daily,
    GameRules gameRules,
    TelegramSettings telegram,
    DiscordSettings discord,
    Economy economy,
    SeasonSettings seasons,
    WebSettings web,
    String logLevel) {

  private static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
  private static final List<String> SECTIONS = List.of("db", "db.embedded", "http", "sync", "reconcile", "cleanup",
      "link", "daily", "telegram", "telegram.games", "discord", "economy", "seasons", "web", "log");

  /**
   * Reads and checks every section (same shape as conf/config.json; a missing key takes its
   * default).
   *
   * @throws InvalidConfigException naming every bad field, not only the first
   */
  public static AppConfig parse(JsonObject root) {
    ConfigReader in = ConfigReader.of(root);
    SECTIONS.forEach(in::requireObject);
    SyncSettings sync = SyncSettings.read(in);
    DailySettings daily = DailySettings.read(in);
    TelegramSettings telegram = TelegramSettings.read(in, daily, sync);
    DiscordSettings discord = DiscordSettings.read(in, telegram.botUsername());
    GameRules gameRules = GameRules.read(in);
    AppConfig config = new AppConfig(
        DbSettings.read(in),
        HttpSettings.read(in),
        sync,
        ReconcileSettings.read(in),
        CleanupSettings.read(in),
        LinkSettings.read(in),
        daily,
        gameRules,
        telegram,
        discord,
        EconomySettings.read(in, discord.noXpChannelIds(), discord.messageCooldownSeconds() * 1000,
            telegram.games().cooldownSeconds() * 1000),
        SeasonSettings.read(in, gameRules == null ? null : gameRules.achievements()),
        WebSettings.read(in),
        logLevel(in));
    UnknownKeys.reject(root == null ? new JsonObject() : root, in);
    if (in.problemCount() > 0) {
      throw new InvalidConfigException(in.problems());
    }
    return config;
  }

  private static String logLevel(ConfigReader in) {
    String level = in.string("log.level", "INFO").toUpperCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      in.reject("log.level must be one of " + String.join(", ", LOG_LEVELS) + ", got " + in.value("log.level"));
    }
    return level;
  }
}
