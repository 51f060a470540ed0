package io.xpbridge.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.xpbridge.bus.Export;
import io.xpbridge.bus.Imports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Lines of {@code GET /api/v1/export} ({@link Export.PlayerLine}, format
 * {@value Export#FORMAT}): one player per line. A line with both a Telegram and a Discord account is
 * one player with both linked. Read: the ids, XP, balance, name, the accounts' usernames, chat,
 * language and role-sync choice, {@code hidden}, {@code publicId} and the achievement codes.
 * Not read (they cannot carry over): {@code playerId} (the database gives its own), {@code rank}
 * (derived from XP here), {@code season} (imported XP counts for lifetime only) and the achievements'
 * {@code unlockedAt} (the import's time).
 */
final class XpbridgeReader implements RowReader {

  @Override
  public void read(InputStream in, Visitor visitor) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    String text;
    int line = 0;
    int row = 0;
    while ((text = reader.readLine()) != null) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      row++;
      JsonNode node;
      try {
        node = JsonFiles.MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        visitor.error(line, JsonFiles.broken(e));
        continue;
      }
      try {
        visitor.row(player(node, row, line));
      } catch (Fields.Bad bad) {
        visitor.error(line, bad.getMessage());
      }
    }
  }

  private static Imports.Row player(JsonNode node, int row, int line) throws Fields.Bad {
    if (node == null || !node.isObject()) {
      throw new Fields.Bad("each line must be a JSON object");
    }
    if (!Export.FORMAT.equals(Fields.text(node.get("format")))) {
      throw new Fields.Bad("'format' must be \"" + Export.FORMAT + "\" (a line of GET /api/v1/export)");
    }
    JsonNode telegram = node.get("telegram");
    JsonNode discord = node.get("discord");
    boolean hasTelegram = telegram != null && !telegram.isNull();
    boolean hasDiscord = discord != null && !discord.isNull();
    if (!hasTelegram && !hasDiscord) {
      throw new Fields.Bad("a player needs a 'telegram' or a 'discord' account");
    }
    Long telegramId = hasTelegram ? Fields.id("telegram.id", telegram.get("id")) : null;
    Long discordId = hasDiscord ? Fields.id("discord.id", discord.get("id")) : null;
    Long chatId = null;
    if (hasTelegram && telegram.hasNonNull("chatId")) {
      if (!telegram.get("chatId").canConvertToLong()) {
        throw new Fields.Bad("'telegram.chatId' must be a whole number");
      }
      chatId = telegram.get("chatId").asLong();
    }
    Boolean syncEnabled = hasDiscord && discord.has("syncEnabled") ? discord.get("syncEnabled").asBoolean(true) : null;
    List<String> achievements = new ArrayList<>();
    JsonNode list = node.get("achievements");
    if (list != null && list.isArray()) {
      for (JsonNode achievement : list) {
        String code = Fields.text(achievement.get("code"));
        if (code == null || code.isBlank()) {
          throw new Fields.Bad("each achievement needs a 'code'");
        }
        achievements.add(code);
      }
    }
    return new Imports.Row(row, line, telegramId, discordId, Fields.amount("xp", node.get("xp")),
        Fields.optionalAmount("balance", node.get("balance")), Fields.text(node.get("name")),
        hasTelegram ? Fields.text(telegram.get("username")) : null, chatId,
        hasTelegram ? Fields.text(telegram.get("languageCode")) : null,
        hasDiscord ? Fields.text(discord.get("username")) : null, syncEnabled,
        node.path("hidden").asBoolean(false) ? Boolean.TRUE : null, Fields.text(node.get("publicId")),
        achievements.isEmpty() ? null : achievements);
  }
}
