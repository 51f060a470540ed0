package io.xpbridge.discord;

import io.vertx.core.Vertx;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Platforms;
import io.xpbridge.config.DiscordSettings;
import io.xpbridge.config.GameRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the Discord setup the bot depends on: every configured rank and achievement role can be
 * given ({@link RoleProblems}) and the announce and alert channels can be written in
 * ({@link ChannelProblems}). Runs at ready, after a reconnect, after each accepted config change and
 * after role, channel and permission changes in the server (debounced: one drag in the role list
 * fires several events).
 *
 * <p>Each new problem is logged once with its fix, and once more when it is resolved; the whole
 * list is published on {@code Bus.PLATFORM_PROBLEMS} for {@code /health/ready}; new ones are posted to
 * the alert channel ({@link AlertPoster}). A failed role delivery is reported here too, so it alerts
 * the same way. Problems never stop the bot: XP keeps being counted and other roles keep being given.
 * Event-loop only.
 */
final class RoleProblemCheck {
  static final long DEBOUNCE_MS = 500;
  private static final Logger log = LoggerFactory.getLogger(RoleProblemCheck.class);

  private final Vertx vertx;
  private final Supplier<Guild> guild;
  private final Supplier<GameRules> rules;
  private final Supplier<DiscordSettings> settings;
  private final AlertPoster alerts;
  private Map<String, SetupProblem> current = Map.of();
  private long timerId = -1;

  RoleProblemCheck(Vertx vertx, Supplier<Guild> guild, Supplier<GameRules> rules, Supplier<DiscordSettings> settings,
      AlertPoster alerts) {
    this.vertx = vertx;
    this.guild = guild;
    this.rules = rules;
    this.settings = settings;
    this.alerts = alerts;
  }

  /** Runs once {@link #DEBOUNCE_MS} after the first of a burst of calls. */
  void runSoon() {
    if (timerId < 0) {
      timerId = vertx.setTimer(DEBOUNCE_MS, id -> {
        timerId = -1;
        run();
      });
    }
  }

  void run() {
    Guild server = guild.get();
    if (server == null) {
      return; // disconnected: the reconnect runs the check again
    }
    DiscordSettings now = settings.get();
    GuildView view = GuildView.of(server, ChannelProblems.channelIds(now));
    List<SetupProblem> found = new ArrayList<>(RoleProblems.find(rules.get(), view));
    found.addAll(ChannelProblems.find(now, view));
    Map<String, SetupProblem> next = new LinkedHashMap<>();
    found.forEach(problem -> next.putIfAbsent(problem.key(), problem));
    next.forEach((key, problem) -> {
      if (!current.containsKey(key)) {
        log.warn("Discord setup problem: {}", problem.fixEn());
      }
    });
    current.forEach((key, problem) -> {
      if (!next.containsKey(key)) {
        log.info("Discord setup problem resolved ({} {}): {}", problem.cause().wireName, problem.name(),
            problem.fixEn());
      }
    });
    current = next;
    vertx.eventBus().publish(Bus.PLATFORM_PROBLEMS, BusJson.encode(new Platforms.SetupProblems(
        DiscordBotVerticle.PLATFORM, next.values().stream().map(SetupProblem::toBus).toList())));
    if (ChannelProblems.alertChannel(now, view) == null) {
      alerts.post(List.copyOf(next.values()));
    }
  }

  List<SetupProblem> current() {
    return List.copyOf(current.values());
  }

  /**
   * A role change Discord or JDA refused. When the failure is a setup problem (the role is gone,
   * above the bot, or the bot may not manage roles), it is alerted like one the check found;
   * other failures (a member who left, a Discord outage) are not.
   */
  void deliveryFailed(long roleId, SetupProblem.Cause cause) {
    Guild server = guild.get();
    if (cause == null || server == null) {
      return;
    }
    DiscordSettings now = settings.get();
    GuildView view = GuildView.of(server, ChannelProblems.channelIds(now));
    SetupProblem problem = RoleProblems.forDelivery(rules.get(), view, roleId, cause);
    if (ChannelProblems.alertChannel(now, view) == null) {
      alerts.post(List.of(problem));
    }
    runSoon();
  }

  /** The setup problem a failed role call points at; null for other failures. */
  static SetupProblem.Cause causeOf(Throwable failure) {
    Throwable e = failure instanceof EffectFailure && failure.getCause() != null ? failure.getCause() : failure;
    if (e instanceof HierarchyException) {
      return SetupProblem.Cause.ROLE_ABOVE_BOT;
    }
    if (e instanceof InsufficientPermissionException) {
      return SetupProblem.Cause.NO_MANAGE_ROLES;
    }
    if (e instanceof ErrorResponseException response) {
      // Discord's 50013 does not say which: the cache decides in RoleProblems.forDelivery.
      if (response.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS) {
        return SetupProblem.Cause.ROLE_ABOVE_BOT;
      }
      if (response.getErrorResponse() == ErrorResponse.UNKNOWN_ROLE) {
        return SetupProblem.Cause.ROLE_MISSING;
      }
    }
    return null;
  }
}
