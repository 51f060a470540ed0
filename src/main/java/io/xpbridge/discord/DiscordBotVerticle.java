package io.xpbridge.discord;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusClient;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.BusServer;
import io.xpbridge.bus.EffectKind;
import io.xpbridge.bus.Platforms;
import io.xpbridge.bus.RegisteredPlayers;
import io.xpbridge.config.AppConfig;
import io.xpbridge.domain.Activity;
import io.xpbridge.config.DiscordSettings;
import io.xpbridge.config.GameRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.GuildVoiceState;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot: earns XP for messages and voice minutes, answers slash commands, mirrors rank
 * and achievement roles, posts the winners of an ended season and members' rank-ups and achievements.
 * Deploy it with the whole configuration (same shape as conf/config.json).
 *
 * <p>Threading: JDA delivers events on its own threads; listeners copy what they need and hop
 * onto this verticle's context, where all mutable state lives. JDA REST calls are submitted
 * (never completed synchronously) and their futures come back on this context.
 *
 * <p>{@code start()} completes once JDA is ready in the configured guild and the bus consumers are
 * registered; then {@code Bus.PLATFORM_READY} is published.
 */
public final class DiscordBotVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(DiscordBotVerticle.class);
  static final String PLATFORM = "discord";

  private DiscordSettings settings;
  private GameRules rules;
  /** Null until JDA is ready. */
  private RoleProblemCheck setupCheck;
  private JdaConnector connector;
  private JDA jda;
  private MessageXpAwarder messageXp;
  private VoiceXpTracker voice;
  private XpSubmitter submitter;
  private SlashCommandListener slashCommands;
  private final RecentRoleWrites recentRoleWrites = new RecentRoleWrites();
  private MemberAnnouncer memberAnnouncer;
  private volatile Set<Long> managedRoles = Set.of();
  /** {@code web.publicBaseUrl}: /profile links to the player's page when set. */
  private volatile String publicBaseUrl;
  private MemberChecks memberChecks;
  private MembershipListener membership;
  private long voiceTimerId = -1;
  private volatile boolean stopping;
  /** Why the gateway is down, null while connected; only touched on this verticle's context. */
  private String gatewayDownBecause;

  @Override
  public Future<?> start() {
    AppConfig parsed = AppConfig.parse(config());
    settings = parsed.discord();
    rules = parsed.gameRules();
    managedRoles = managedRoles(parsed);
    publicBaseUrl = parsed.web().publicBaseUrl();
    if (!settings.hasToken()) {
      return Future.failedFuture("Discord bot not started: discord.token is not set (env DISCORD_BOT_TOKEN): "
          + "the Discord bot cannot log in");
    }
    if (settings.guildId() == null) {
      return Future.failedFuture("Discord bot not started: discord.guildId is not set (env DISCORD_GUILD_ID): "
          + "which server should the bot serve?");
    }
    BusClient bus = new BusClient(vertx.eventBus());
    RegisteredPlayers registered = new RegisteredPlayers(bus);
    submitter = new XpSubmitter(bus, registered);
    // An erased player's account starts over: its next message registers a new player with its name.
    vertx.eventBus().<Object>consumer(Bus.PLAYERS_ERASED, msg -> {
      if (msg.body() instanceof io.vertx.core.json.JsonObject body) {
        registered.forget(io.xpbridge.bus.BusJson.decode(body, io.xpbridge.bus.Privacy.AccountsErased.class));
      }
    });
    messageXp = new MessageXpAwarder(() -> settings, submitter);
    voice = new VoiceXpTracker(settings.voiceUnitMs());
    long guildId = settings.guildId();
    memberChecks = new MemberChecks(vertx, bus);
    HandEdits handEdits = new HandEdits(recentRoleWrites, () -> managedRoles, memberChecks::request);
    membership = new MembershipListener(guildId, context, bus);
    slashCommands = new SlashCommandListener(guildId, context, List.of(
        new LinkCommand(bus, () -> settings),
        new UnlinkCommand(bus),
        new ProfileCommand(bus, () -> publicBaseUrl),
        new SyncCommand(bus),
        new TopCommand(bus),
        new PrivacyCommand(bus),
        new RankCommand(bus)));
    List<Object> listeners = List.of(
        new MessageXpListener(guildId, context, messageXp::onMessage),
        new VoiceListener(guildId, context, snapshot -> voice.update(snapshot, System.currentTimeMillis())),
        slashCommands,
        new RoleEchoListener(guildId, context, handEdits::seen),
        membership,
        new SessionListener(context, this::onReconnected, this::announceDisconnected),
        new SetupChangeListener(guildId, context, this::checkSetupSoon));
    connector = new JdaConnector(vertx, context, settings);
    return connector.connect(listeners).compose(this::onReady).onFailure(e -> stop());
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    if (voiceTimerId >= 0) {
      vertx.cancelTimer(voiceTimerId);
    }
    if (memberChecks != null) {
      memberChecks.cancelAll();
    }
    return connector == null ? Future.succeededFuture() : connector.shutdown();
  }

  private Future<Void> onReady(JDA readyJda) {
    jda = readyJda;
    Guild guild = guild();
    if (guild == null) {
      return Future.failedFuture("The Discord bot " + readyJda.getSelfUser().getName() + " is not a member of guild "
          + settings.guildId() + ". Invite it (scopes bot + applications.commands, permission Manage Roles) "
          + "or fix discord.guildId.");
    }
    EventBus bus = vertx.eventBus();
    AlertPoster alerts = new AlertPoster(() -> settings.alertChannelId(), new AlertChannel(context, this::guild),
        System::currentTimeMillis);
    setupCheck = new RoleProblemCheck(vertx, this::guild, () -> rules, () -> settings, alerts);
    RoleEffects roleEffects = new RoleEffects(context, this::guild, recentRoleWrites, setupCheck::deliveryFailed);
    SeasonAnnouncer seasonAnnouncer = new SeasonAnnouncer(context, this::guild, () -> settings,
        System::currentTimeMillis);
    memberAnnouncer = new MemberAnnouncer(context, this::guild, () -> settings, System::currentTimeMillis,
        problem -> vertx.eventBus().publish(Bus.DISCORD_ANNOUNCE_PROBLEM,
            BusJson.encode(new Platforms.AnnounceProblem(problem))));
    MemberRolesQuery memberRoles = new MemberRolesQuery(this::guild);
    List<Future<Void>> registrations = new ArrayList<>();
    registrations.add(BusServer.serveClusterWide(bus, Bus.EFFECTS_DISCORD, Platforms.DiscordEffect.class,
        effect -> effect.kind() == EffectKind.SEASON_RESULTS ? seasonAnnouncer.announce(effect)
            : effect.kind() == EffectKind.MEMBER_ANNOUNCEMENT ? memberAnnouncer.announce(effect)
            : roleEffects.apply(effect)).completion());
    registrations.add(BusServer.serveClusterWide(bus, Bus.DISCORD_MEMBER_ROLES, Platforms.MemberRolesQuery.class,
        memberRoles::answer).completion());
    registrations.add(bus.<AppConfig>localConsumer(Bus.CONFIG_CHANGED, this::onConfigChanged).completion());
    registrations.add(registerCommands(guild));
    armVoiceTimer();
    return Future.all(registrations).<Void>mapEmpty().onSuccess(v -> {
      log.info("Discord bot ready as {} in guild {} ({} members cached, {} in voice)",
          readyJda.getSelfUser().getName(), guild.getName(), guild.getMemberCache().size(),
          guild.getVoiceStates().size());
      setupCheck.run();
      announceReady();
      membership.roster(guild);
    });
  }

  /** The roles the ledger decides: a hand edit of one of them is put back at once. */
  private static Set<Long> managedRoles(AppConfig config) {
    return Set.copyOf(config.gameRules().ladder().managedRoleIds(config.gameRules().achievements()));
  }

  private Guild guild() {
    JDA current = jda;
    return current == null ? null : current.getGuildById(settings.guildId());
  }

  /** Never fails the start: the bot still earns XP and syncs roles without commands. */
  private Future<Void> registerCommands(Guild guild) {
    List<CommandData> definitions = slashCommands.commands().stream().map(c -> (CommandData) c.definition()).toList();
    return RestFutures.submit(context, "register slash commands",
            () -> guild.updateCommands().addCommands(definitions))
        .onSuccess(commands -> log.info("Registered {} slash commands in guild {}", commands.size(), guild.getName()))
        .onFailure(e -> log.error("Could not register slash commands in guild {}: {}. Re-invite the bot with the "
            + "applications.commands scope.", guild.getId(), e.getMessage()))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private void announceReady() {
    vertx.eventBus().publish(Bus.PLATFORM_READY, BusJson.encode(new Platforms.Ready(PLATFORM)));
  }

  /** Once per outage (and again when the reason changes): JDA may close and retry many times while it lasts. */
  private void announceDisconnected(String error) {
    if (stopping || error.equals(gatewayDownBecause)) {
      return;
    }
    if (gatewayDownBecause == null) {
      log.warn("Discord gateway disconnected; JDA reconnects by itself: {}", error);
    }
    gatewayDownBecause = error;
    vertx.eventBus().publish(Bus.PLATFORM_DISCONNECTED, BusJson.encode(new Platforms.Disconnected(PLATFORM, error)));
  }

  private void onReconnected() {
    if (gatewayDownBecause != null) {
      log.info("Discord gateway reconnected");
      gatewayDownBecause = null;
    }
    voiceTick();
    checkSetupSoon();
    announceReady();
    Guild guild = guild();
    if (guild != null) {
      membership.roster(guild);
    }
  }

  private void checkSetupSoon() {
    if (setupCheck != null && !stopping) {
      setupCheck.runSoon();
    }
  }

  // ---- voice minutes ----

  private void armVoiceTimer() {
    if (voiceTimerId >= 0) {
      vertx.cancelTimer(voiceTimerId);
    }
    voiceTimerId = vertx.setPeriodic(settings.voiceUnitMs(), id -> voiceTick());
  }

  /** Synchronous on the event loop, so two runs cannot overlap; submits complete later. */
  private void voiceTick() {
    long now = System.currentTimeMillis();
    Guild guild = guild();
    if (guild != null) {
      List<VoiceSnapshot> connected = new ArrayList<>();
      for (GuildVoiceState state : guild.getVoiceStates()) {
        if (state.getChannel() != null) {
          connected.add(VoiceSnapshot.of(state.getMember()));
        }
      }
      long afkChannelId = guild.getAfkChannel() == null ? 0 : guild.getAfkChannel().getIdLong();
      voice.resync(connected, afkChannelId, now);
    }
    List<VoiceXpTracker.VoiceMinute> minutes = voice.drainDue(now);
    long xp = settings.voiceXpPerMinute();
    if (xp > 0) {
      for (VoiceXpTracker.VoiceMinute minute : minutes) {
        Activity activity = minute.channelId() == 0 ? null : Activity.discordVoice(minute.channelId(), minute.roleIds());
        submitter.submit(minute.userId(), minute.username(), null, xp, minute.idempotencyKey(), minute.sessionId(),
                "discord voice minute", activity)
            .onFailure(e -> log.warn("Voice XP for Discord user {} (key {}) not recorded: {}", minute.userId(),
                minute.idempotencyKey(), e.getMessage()));
      }
    }
    messageXp.pruneCooldowns(now);
    log.debug("Voice tick: {} connected, {} minutes paid", voice.connectedCount(), xp > 0 ? minutes.size() : 0);
  }

  // ---- live configuration ----

  /** The tree is already checked, and keeps the running connection (the watcher sees to both). */
  private void onConfigChanged(Message<AppConfig> message) {
    DiscordSettings next = message.body().discord();
    rules = message.body().gameRules();
    managedRoles = managedRoles(message.body());
    publicBaseUrl = message.body().web().publicBaseUrl();
    boolean newVoiceUnit = next.voiceMinIntervalSeconds() != settings.voiceMinIntervalSeconds();
    if (memberAnnouncer != null) {
      memberAnnouncer.settingsChanged(settings, next);
    }
    settings = next;
    if (newVoiceUnit) {
      voice.setUnitMs(next.voiceUnitMs(), System.currentTimeMillis());
      armVoiceTimer();
    }
    log.info("Discord XP rules updated: {} XP per message every {} s, {} XP per voice minute of {} s, "
            + "{} channels without XP; season results and announcements go to channel {} ({})", next.messageXp(),
        next.messageCooldownSeconds(), next.voiceXpPerMinute(), next.voiceMinIntervalSeconds(),
        next.noXpChannelIds().size(), next.announceChannelId() == null ? "none" : next.announceChannelId(),
        next.announceLocale());
    checkSetupSoon();
  }
}
