package io.xpbridge.discord;

import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** What a command shows: text, embeds, or both. */
record CommandReply(String content, List<MessageEmbed> embeds) {
  static CommandReply text(String content) {
    return new CommandReply(content, List.of());
  }

  static CommandReply embed(MessageEmbed embed) {
    return new CommandReply("", List.of(embed));
  }
}
