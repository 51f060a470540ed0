package io.xpbridge.discord;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Platforms;
import io.xpbridge.config.DiscordSettings;
import io.xpbridge.domain.InvalidRequestException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code season_results} effects of {@code Bus.EFFECTS_DISCORD}: posts one message with the
 * winners of an ended season to {@code discord.announceChannelId}, pinging exactly the winners it
 * mentions (allowed_mentions: no @everyone, @here or roles, even when a player's name holds them).
 *
 * <p>No channel configured: the effect is done without a post. A channel that does not exist or
 * where the bot may not write fails the effect with {@link Bus#EFFECT_NEEDS_FIX} and a log line saying
 * what to fix: no retry can help before a person does, so the engine marks it failed at once (no retry
 * storm), and requeueing it after the fix posts it.
 *
 * <p>Posts once per eventId: a resend while the first post is under way waits for that post, and a
 * resend after it succeeded is acknowledged from {@link PostedAnnouncements}. Event-loop only.
 */
final class SeasonAnnouncer {
  private static final Logger log = LoggerFactory.getLogger(SeasonAnnouncer.class);

  private final Context context;
  private final Supplier<Guild> guild;
  private final Supplier<DiscordSettings> settings;
  private final LongSupplier clockMs;
  private final PostedAnnouncements posted = new PostedAnnouncements();
  private final Map<Long, Future<Platforms.Ack>> inFlight = new HashMap<>();

  SeasonAnnouncer(Context context, Supplier<Guild> guild, Supplier<DiscordSettings> settings, LongSupplier clockMs) {
    this.context = context;
    this.guild = guild;
    this.settings = settings;
    this.clockMs = clockMs;
  }

  Future<Platforms.Ack> announce(Platforms.DiscordEffect effect) {
    Platforms.SeasonResult season = effect.season();
    if (season == null) {
      throw new InvalidRequestException("season_results effect " + effect.eventId() + " has no season");
    }
    long eventId = effect.eventId();
    if (posted.wasPosted(eventId, clockMs.getAsLong())) {
      log.info("Season {} results (event {}) were posted already; not posting them again", season.seasonId(), eventId);
      return Future.succeededFuture(Platforms.Ack.OK);
    }
    Future<Platforms.Ack> running = inFlight.get(eventId);
    if (running != null) {
      return running;
    }
    Future<Platforms.Ack> post = post(eventId, season);
    inFlight.put(eventId, post);
    post.onComplete(done -> inFlight.remove(eventId, post));
    return post;
  }

  private Future<Platforms.Ack> post(long eventId, Platforms.SeasonResult season) {
    DiscordSettings current = settings.get();
    Long channelId = current.announceChannelId();
    if (channelId == null) {
      log.info("Season {} results (event {}) not posted: discord.announceChannelId is not set", season.seasonId(),
          eventId);
      return Future.succeededFuture(Platforms.Ack.OK);
    }
    Guild server = guild.get();
    if (server == null) {
      return failed(eventId, 503, "The Discord guild is not available right now (bot disconnected or not in the "
          + "guild); the season results will be posted when it is back.");
    }
    GuildMessageChannel channel = server.getChannelById(GuildMessageChannel.class, channelId);
    if (channel == null) {
      return failed(eventId, Bus.EFFECT_NEEDS_FIX, unknownChannel(channelId, server));
    }
    SeasonResultsText.Announcement announcement = SeasonResultsText.render(current.announceLocale(), season);
    String what = "post the results of season " + season.seasonId() + " in channel #" + channel.getName()
        + " (" + channel.getId() + ")";
    return RestFutures.submit(context, what, () -> channel.sendMessage(announcement.content())
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
            .mentionUsers(announcement.mentionedUserIds().stream().mapToLong(Long::longValue).toArray()))
        .map(message -> {
          posted.posted(eventId, clockMs.getAsLong());
          log.info("Season {} results (event {}) posted in channel #{} ({}): {} winners, {} mentioned",
              season.seasonId(), eventId, channel.getName(), channel.getId(), season.winners().size(),
              announcement.mentionedUserIds().size());
          return Platforms.Ack.OK;
        })
        .recover(error -> failed(eventId, failure(channelId, channel.getName(), server, error)));
  }

  /** The channel-specific words for what the bot may not do there; other failures as every Discord call. */
  private static EffectFailure failure(long channelId, String channelName, Guild server, Throwable error) {
    EffectFailure failure = error instanceof EffectFailure f ? f : RestFutures.classify("post season results", error);
    Throwable cause = failure.getCause();
    ChannelRefusal refusal = ChannelRefusal.of(cause);
    if (refusal != null && refusal.unknownChannel()) {
      return new EffectFailure(Bus.EFFECT_NEEDS_FIX, unknownChannel(channelId, server), cause);
    }
    if (refusal != null) {
      String missing = refusal.permission() != null ? refusal.permission() : "View Channel / Send Messages";
      return new EffectFailure(Bus.EFFECT_NEEDS_FIX, cannotWrite(channelId, channelName, missing), cause);
    }
    return failure;
  }

  private static String unknownChannel(long channelId, Guild server) {
    return "Season results not posted: channel " + Long.toUnsignedString(channelId) + " (discord.announceChannelId) "
        + "does not exist in the Discord server " + server.getName() + " or the bot cannot see it. Set "
        + "discord.announceChannelId to a text channel of that server (or null to post nothing), then requeue the event.";
  }

  private static String cannotWrite(long channelId, String channelName, String permission) {
    return "Season results not posted: the bot may not write in channel #" + channelName + " ("
        + Long.toUnsignedString(channelId) + ", discord.announceChannelId): it lacks " + permission + ". Give the "
        + "bot's role View Channel and Send Messages there (or choose another channel), then requeue the event.";
  }

  private static Future<Platforms.Ack> failed(long eventId, int code, String message) {
    return failed(eventId, new EffectFailure(code, message));
  }

  private static Future<Platforms.Ack> failed(long eventId, EffectFailure failure) {
    log.warn("Discord effect season_results (event {}) failed with {}: {}", eventId, failure.code, failure.getMessage());
    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, failure.code, failure.getMessage()));
  }
}
