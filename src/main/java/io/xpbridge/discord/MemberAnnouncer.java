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
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code member_announcement} effects of {@code Bus.EFFECTS_DISCORD}: posts a member's rank-up
 * or new achievement to {@code discord.announceChannelId}, pinging only that member (allowed_mentions
 * {@code {"parse": [], "users": [id]}}). No channel configured: acknowledged without a post.
 *
 * <p>Once per effect: each post carries the nonce {@code xpb:<eventId>} and JDA sends
 * {@code enforce_nonce}, so Discord answers a resend within its nonce window (a retry after a lost
 * answer, the bot restarted meanwhile) with the message it already created; resends later than that
 * are answered from {@link PostedAnnouncements} while this bot runs.
 *
 * <p>A channel that does not exist or where the bot may not write is no passing trouble: the effect
 * fails with {@link Bus#EFFECT_NEEDS_FIX} (the engine does not retry it), one WARN per channel and
 * cause says what to fix, and the problem is published for /health/ready until a post works again
 * or the channel setting changes. The member's role is another effect and does not wait for this.
 * Event-loop only.
 */
final class MemberAnnouncer {
  private static final Logger log = LoggerFactory.getLogger(MemberAnnouncer.class);
  private static final String NONCE_PREFIX = "xpb:";
  static final int MAX_NAME_CHARS = 100;

  private final Context context;
  private final Supplier<Guild> guild;
  private final Supplier<DiscordSettings> settings;
  private final LongSupplier clockMs;
  private final Consumer<String> problemReports;
  private final PostedAnnouncements posted = new PostedAnnouncements();
  /** The problem last warned about and reported, null while posting works. */
  private String reportedProblem;

  /** {@code problemReports} receives each new problem once, and null when it is over. */
  MemberAnnouncer(Context context, Supplier<Guild> guild, Supplier<DiscordSettings> settings, LongSupplier clockMs,
      Consumer<String> problemReports) {
    this.context = context;
    this.guild = guild;
    this.settings = settings;
    this.clockMs = clockMs;
    this.problemReports = problemReports;
  }

  static String nonce(long eventId) {
    return NONCE_PREFIX + eventId;
  }

  Future<Platforms.Ack> announce(Platforms.DiscordEffect effect) {
    if (effect.discordId() == null || effect.announcement() == null) {
      throw new InvalidRequestException("member_announcement effect " + effect.eventId()
          + " needs discordId and announcement");
    }
    if (posted.wasPosted(effect.eventId(), clockMs.getAsLong())) {
      log.debug("Announcement (event {}) was posted already; not posting it again", effect.eventId());
      return Future.succeededFuture(Platforms.Ack.OK);
    }
    DiscordSettings current = settings.get();
    Long channelId = current.announceChannelId();
    if (channelId == null) {
      log.debug("Announcement (event {}) not posted: discord.announceChannelId is not set", effect.eventId());
      return Future.succeededFuture(Platforms.Ack.OK);
    }
    Guild server = guild.get();
    if (server == null) {
      return failed(effect, new EffectFailure(503, "The Discord guild is not available right now (bot disconnected "
          + "or not in the guild); the announcement will be posted when it is back."));
    }
    GuildMessageChannel channel = server.getChannelById(GuildMessageChannel.class, channelId);
    if (channel == null) {
      return needsFix(effect, unknownChannel(channelId, server));
    }
    long member = effect.discordId();
    String content = content(current.announceLocale(), member, effect.announcement());
    String what = "post an announcement in channel #" + channel.getName() + " (" + channel.getId() + ")";
    return RestFutures.submit(context, what, () -> channel.sendMessage(content)
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
            .mentionUsers(member)
            .setNonce(nonce(effect.eventId())))
        .map(message -> {
          posted.posted(effect.eventId(), clockMs.getAsLong());
          solved();
          return Platforms.Ack.OK;
        })
        .recover(error -> {
          String problem = problem(channelId, channel.getName(), server, error);
          return problem != null ? needsFix(effect, problem)
              : failed(effect, RestFutures.classify("post an announcement", error));
        });
  }

  /**
   * The post, in {@code discord.announceLocale}: the member mentioned ({@code <@id>}); names come from
   * the config and are escaped all the same, so a name with Markdown cannot restyle the post.
   */
  static String content(String locale, long discordId, Platforms.MemberNews news) {
    Lang lang = Lang.of(locale);
    String member = "<@" + Long.toUnsignedString(discordId) + ">";
    String name = escapedName(lang == Lang.RU ? news.nameRu() : news.nameEn(), news);
    return news.rank() != null ? Texts.rankUpPost(lang, member, news.rank(), name)
        : Texts.achievementPost(lang, member, name);
  }

  private static String escapedName(String value, Platforms.MemberNews news) {
    String text = value == null || value.isBlank()
        ? (news.achievementCode() != null ? news.achievementCode() : "?") : value;
    return SeasonResultsText.postName(text, MAX_NAME_CHARS);
  }

  /** A new announce channel: what was wrong with the old one no longer is. */
  void settingsChanged(DiscordSettings previous, DiscordSettings next) {
    if (!Objects.equals(previous.announceChannelId(), next.announceChannelId())) {
      solved();
    }
  }

  /** The words for a channel the bot cannot post in, or null for any other failure (transient, say). */
  private static String problem(long channelId, String channelName, Guild server, Throwable error) {
    ChannelRefusal refusal = ChannelRefusal.of(RestFutures.classify("post an announcement", error).getCause());
    if (refusal == null) {
      return null;
    }
    if (refusal.unknownChannel()) {
      return unknownChannel(channelId, server);
    }
    return cannotWrite(channelId, channelName, refusal.permission() != null ? refusal.permission()
        : "View Channel / Send Messages (Discord answered " + refusal.discordCode() + ")");
  }

  private static String unknownChannel(long channelId, Guild server) {
    return "Announcements not posted: channel " + Long.toUnsignedString(channelId) + " (discord.announceChannelId) "
        + "does not exist in the Discord server " + server.getName() + " or the bot cannot see it. Set "
        + "discord.announceChannelId to a text channel of that server (or null for no announcements); XP and roles "
        + "are not affected.";
  }

  private static String cannotWrite(long channelId, String channelName, String permission) {
    return "Announcements not posted: the bot may not write in channel #" + channelName + " ("
        + Long.toUnsignedString(channelId) + ", discord.announceChannelId): it lacks " + permission + ". Give the "
        + "bot's role View Channel and Send Messages there (or choose another channel); XP and roles are not affected.";
  }

  private Future<Platforms.Ack> needsFix(Platforms.DiscordEffect effect, String problem) {
    if (!problem.equals(reportedProblem)) {
      reportedProblem = problem;
      log.warn("{} Failed announcements are not retried; requeue them after the fix.", problem);
      problemReports.accept(problem);
    } else {
      log.debug("Announcement (event {}) not posted: {}", effect.eventId(), problem);
    }
    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, Bus.EFFECT_NEEDS_FIX, problem));
  }

  private void solved() {
    if (reportedProblem != null) {
      reportedProblem = null;
      problemReports.accept(null);
    }
  }

  private static Future<Platforms.Ack> failed(Platforms.DiscordEffect effect, EffectFailure failure) {
    log.warn("Discord effect member_announcement (event {}) failed with {}: {}", effect.eventId(), failure.code,
        failure.getMessage());
    return Future.failedFuture(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, failure.code, failure.getMessage()));
  }
}
