package io.xpbridge.discord;

import io.xpbridge.config.DiscordSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the bot can post where the config tells it to ({@code discord.announceChannelId},
 * {@code discord.alertChannelId}): the channel exists (and the bot sees it) and the bot may write there.
 * A pure function of the config and a {@link GuildView}.
 */
final class ChannelProblems {
  static final String ANNOUNCE_KEY = "discord.announceChannelId";
  static final String ALERT_KEY = "discord.alertChannelId";

  private ChannelProblems() {}

  /** The channels the view must hold for {@link #find}. */
  static List<Long> channelIds(DiscordSettings settings) {
    List<Long> ids = new ArrayList<>();
    configured(settings).values().forEach(ids::add);
    return ids;
  }

  static List<SetupProblem> find(DiscordSettings settings, GuildView view) {
    List<SetupProblem> problems = new ArrayList<>();
    configured(settings).forEach((key, channelId) -> {
      SetupProblem problem = check(key, channelId, view);
      if (problem != null && problems.stream().noneMatch(p -> p.key().equals(problem.key()))) {
        problems.add(problem);
      }
    });
    return problems;
  }

  /** The problem with the alert channel itself, if any: then alerts cannot be posted. */
  static SetupProblem alertChannel(DiscordSettings settings, GuildView view) {
    return settings.alertChannelId() == null ? null : check(ALERT_KEY, settings.alertChannelId(), view);
  }

  private static Map<String, Long> configured(DiscordSettings settings) {
    Map<String, Long> channels = new LinkedHashMap<>();
    if (settings.announceChannelId() != null) {
      channels.put(ANNOUNCE_KEY, settings.announceChannelId());
    }
    if (settings.alertChannelId() != null) {
      channels.put(ALERT_KEY, settings.alertChannelId());
    }
    return channels;
  }

  private static SetupProblem check(String key, long channelId, GuildView view) {
    String id = Long.toUnsignedString(channelId);
    GuildView.ChannelView channel = view.channels().get(channelId);
    if (channel == null) {
      return new SetupProblem(SetupProblem.Cause.CHANNEL_MISSING, channelId, key, Texts.channelMissing(id, key));
    }
    if (!channel.botCanWrite()) {
      return new SetupProblem(SetupProblem.Cause.CHANNEL_NOT_WRITABLE, channelId, "#" + channel.name(),
          Texts.channelNotWritable(channel.name(), id, key));
    }
    return null;
  }
}
