package io.xpbridge.discord;

import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** What a command shows: text, embeds, or both, and at most one attached file. */
record CommandReply(String content, List<MessageEmbed> embeds, Attachment file) {
  /** A file shown with the answer, e.g. the rank card. */
  record Attachment(String name, byte[] bytes) {}

  CommandReply(String content, List<MessageEmbed> embeds) {
    this(content, embeds, null);
  }

  static CommandReply text(String content) {
    return new CommandReply(content, List.of());
  }

  static CommandReply embed(MessageEmbed embed) {
    return new CommandReply("", List.of(embed));
  }

  static CommandReply file(String name, byte[] bytes) {
    return new CommandReply("", List.of(), new Attachment(name, bytes));
  }
}
