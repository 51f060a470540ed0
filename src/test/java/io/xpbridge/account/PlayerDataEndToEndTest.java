package io.xpbridge.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.fake.discord.FakeDiscord;
import io.xpbridge.fake.discord.InteractionReply;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.SentMessage;
import io.xpbridge.fake.telegram.FakeTelegram.TgUser;
import io.xpbridge.support.Await;
import io.xpbridge.support.DiscordService;
import io.xpbridge.support.PlatformFixture;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A player's own data (issue 16, point 4) with both real bots against their fakes and the real service:
 * {@code /privacy} shows what is kept; {@code roles off|on} takes the managed Discord roles off once and
 * gives the right ones back; {@code export} sends a JSON document (Telegram {@code sendDocument}, Discord
 * an ephemeral attachment); {@code delete} asks, then erases on the second ask, and the same account
 * comes back as a new player from zero; {@code DELETE /api/v1/players/{id}} does the same for admins.
 *
 * <p>Guild roles: the bot's role (20, Manage Roles), First steps (10, achievement first_steps at 100
 * XP), ranks 3..1 (5..3) at 0, 165 and 460 XP. Each test uses its own accounts.
 */
class PlayerDataEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static PlatformFixture platforms;
  static FakeTelegram telegram;
  static FakeDiscord discord;
  static ServiceFixture service;
  static long firstSteps;
  static long rank1;
  static long rank2;
  static long rank3;
  static long general;

  @BeforeAll
  static void start() {
    platforms = PlatformFixture.of(PlayerDataEndToEndTest.class).telegram()
        .discord(guild -> {
          guild.giveBotManageRoles(20);
          firstSteps = guild.addRole("First steps", 10);
          rank3 = guild.addRole("Lance Corporal", 5);
          rank2 = guild.addRole("Private", 4);
          rank1 = guild.addRole("Recruit", 3);
          general = guild.addTextChannel("general");
        })
        .config(config -> {
          DiscordService.mapRanks(config, rank1, rank2, rank3);
          DiscordService.mapAchievement(config, "first_steps", firstSteps);
          return config;
        })
        .start();
    telegram = platforms.telegram;
    discord = platforms.discord;
    service = platforms.service;
  }

  @AfterAll
  static void stop() {
    if (platforms != null) {
      platforms.close();
    }
  }

  // ---- overview ----

  @Test
  void telegramOverviewListsWhatIsKeptAndEveryAction() {
    TgUser anna = new TgUser(8_100_001L, "anna", "en");
    long player = telegramPlayer(anna, 200);

    telegram.enqueueText(anna, "/privacy");
    String text = awaitText(anna.id(), "What is kept about you");
    assertTrue(text.startsWith("👀 You are shown on the public leaderboards."), text);
    assertTrue(text.contains("• name: anna"), text);
    assertTrue(text.contains("• Telegram: id 8100001 (@anna)"), text);
    assertTrue(text.contains("• Discord: not linked"), text);
    assertTrue(text.contains("• XP: 200, coins: 0, rank: Private (2)"), text);
    assertTrue(text.contains("• achievements: 1"), text);
    assertTrue(text.contains("• Discord rank roles: — (no Discord account linked)"), text);
    long rows = service.sql.queryLong("SELECT (SELECT count(*) FROM transactions WHERE player_id = ?)"
        + " + (SELECT count(*) FROM sync_events WHERE player_id = ?)", player, player);
    assertTrue(rows > 0);
    assertTrue(text.contains("• history rows (events and audit): " + rows), text);
    for (String action : List.of("/privacy hide | /privacy show", "/privacy roles off | /privacy roles on",
        "/privacy export", "/privacy delete")) {
      assertTrue(text.contains(action), action + " in " + text);
    }
  }

  @Test
  void telegramOverviewInRussianAndATelegramOnlyPlayerIsToldThereIsNoDiscordForRoles() {
    TgUser boris = new TgUser(8_100_002L, "boris", "ru");
    long player = telegramPlayer(boris, 10);

    telegram.enqueueText(boris, "/privacy");
    String text = awaitText(boris.id(), "Что о вас хранится");
    assertTrue(text.contains("/privacy роли выкл | /privacy роли вкл") && text.contains("/privacy удалить"), text);

    telegram.enqueueText(boris, "/privacy роли выкл");
    awaitText(boris.id(), "У вас нет привязанного аккаунта Discord");
    telegram.enqueueText(boris, "/privacy roles");
    awaitText(boris.id(), "Укажите: /privacy роли выкл или /privacy роли вкл");
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM discord_identities WHERE player_id = ?", player));
  }

  @Test
  void discordOverviewListsWhatIsKeptAndEveryOptionIsRegistered() throws Exception {
    long carl = discordMember("carl", 50, rank1);
    InteractionReply reply = slash(carl, "privacy", Map.of(), "en-US");
    assertTrue(reply.ephemeral());
    String text = reply.visibleText();
    assertTrue(text.startsWith("You are shown on the public leaderboards."), text);
    assertTrue(text.contains("• Discord: id " + carl + " (carl)") && text.contains("• Telegram: not linked"), text);
    assertTrue(text.contains("• XP: 50, coins: 0, rank: Recruit (1)") && text.contains("• Discord rank roles: on"),
        text);
    assertTrue(text.contains("/privacy roles:Stop my roles | /privacy roles:Give my roles"), text);
    assertTrue(text.contains("/privacy data:Download my data") && text.contains("/privacy data:Delete my data"), text);

    JsonObject privacy = discord.registeredCommands().stream().map(JsonObject.class::cast)
        .filter(command -> "privacy".equals(command.getString("name"))).findFirst().orElseThrow();
    JsonArray options = privacy.getJsonArray("options");
    assertEquals(List.of("leaderboard", "roles", "data"), options.stream()
        .map(o -> ((JsonObject) o).getString("name")).toList());
    assertEquals("роли", options.getJsonObject(1).getJsonObject("name_localizations").getString("ru"));
    assertEquals(List.of("export", "delete"), options.getJsonObject(2).getJsonArray("choices").stream()
        .map(c -> ((JsonObject) c).getString("value")).toList());

    InteractionReply russian = slash(carl, "privacy", Map.of(), "ru");
    assertTrue(russian.visibleText().contains("/приватность данные:Удалить мои данные"), russian.visibleText());
  }

  // ---- roles ----

  @Test
  void rolesOffTakesTheManagedRolesOffOnceARankUpThenLeavesThemAloneAndOnGivesTheRightOnesBack() throws Exception {
    long dora = discordMember("dora", 150, rank1); // rank 1 with first_steps
    long player = DiscordService.playerOf(service.sql, dora);
    Await.until("dora has her rank and achievement roles", () -> discord.memberRoles(dora)
        .equals(Set.of(rank1, firstSteps)), WAIT);
    awaitNothingInFlight(player);

    InteractionReply off = slash(dora, "privacy", Map.of("roles", "off"), "en-US");
    assertTrue(off.visibleText().startsWith("Done: rank and achievement roles no longer follow you"),
        off.visibleText());
    assertFalse(service.sql.queryString("SELECT sync_enabled::text FROM discord_identities WHERE discord_id = ?", dora)
        .equals("true"));
    Await.until("the managed roles are off", () -> discord.memberRoles(dora).isEmpty(), WAIT);
    awaitNothingInFlight(player);
    InteractionReply again = slash(dora, "privacy", Map.of("roles", "off"), "en-US");
    assertTrue(again.visibleText().startsWith("Role sync is off already."), again.visibleText());

    service.submit(new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", dora)
        .put("xp", 50).put("idempotencyKey", "dora_rank_up")); // 200 XP: rank 2
    Await.until("the rank change is done", () -> DiscordService.xpOf(service.sql, dora) == 200
        && service.sql.queryLong("SELECT count(*) FROM sync_events WHERE player_id = ? AND event_type = 'rank_change'"
            + " AND idempotency_key LIKE 'dora_rank_up%'", player) == 1, WAIT);
    awaitNothingInFlight(player);
    assertEquals(Set.of(), discord.memberRoles(dora), "no role given while sync is off");
    assertTrue(DiscordService.roleCalls(discord, "PUT", dora, rank2).isEmpty());
    assertEquals(1, DiscordService.roleCalls(discord, "DELETE", dora, rank1).size(), "taken off once");
    assertEquals(1, DiscordService.roleCalls(discord, "DELETE", dora, firstSteps).size(), "taken off once");

    InteractionReply on = slash(dora, "privacy", Map.of("roles", "on"), "en-US");
    assertTrue(on.visibleText().startsWith("Done: your roles follow your rank and achievements again"),
        on.visibleText());
    Await.until("the right roles are back", () -> discord.memberRoles(dora).equals(Set.of(rank2, firstSteps)), WAIT);
    assertEquals("true", service.sql.queryString(
        "SELECT sync_enabled::text FROM discord_identities WHERE discord_id = ?", dora));
  }

  @Test
  void aTelegramPlayerLinkedToDiscordSwitchesTheirDiscordRolesFromTelegramInRussian() {
    TgUser lena = new TgUser(8_100_006L, "lena", "ru");
    long player = telegramPlayer(lena, 120); // rank 1 with first_steps
    // Reconcile passes over a player whose rank or achievement change is still being delivered (here
    // to Telegram), and a one-player run is not repeated: ask only once those are done.
    awaitNothingInFlight(player);
    long lenaOnDiscord = discord.addMember("lena_ds");
    service.sql.update("INSERT INTO discord_identities (discord_id, player_id, username, linked_at) VALUES (?, ?, ?,"
        + " now())", lenaOnDiscord, player, "lena_ds");
    service.request(Bus.RECONCILE_RUN_NOW, new JsonObject().put("playerId", player));
    Await.until("lena's Discord member has her roles", () -> discord.memberRoles(lenaOnDiscord)
        .equals(Set.of(rank1, firstSteps)), WAIT);
    awaitNothingInFlight(player);

    telegram.enqueueText(lena, "/privacy роли выкл");
    awaitText(lena.id(), "🔕 Готово: роли званий и достижений в Discord больше не выдаются");
    Await.until("the managed roles are off", () -> discord.memberRoles(lenaOnDiscord).isEmpty(), WAIT);
    telegram.enqueueText(lena, "/privacy");
    awaitText(lena.id(), "• роли в Discord по званию: выключены");

    telegram.enqueueText(lena, "/privacy роли вкл");
    awaitText(lena.id(), "🔔 Готово: роли в Discord снова следуют за вашим званием");
    Await.until("the roles are back", () -> discord.memberRoles(lenaOnDiscord).equals(Set.of(rank1, firstSteps)), WAIT);
    telegram.enqueueText(lena, "/privacy roles on");
    awaitText(lena.id(), "🔔 Роли в Discord и так синхронизируются.");
  }

  // ---- export ----

  @Test
  void telegramExportSendsAJsonDocumentWithProfileLinksAndHistory() {
    TgUser emma = new TgUser(8_100_003L, "emma", "en");
    long player = telegramPlayer(emma, 300);
    String publicId = service.sql.queryString("SELECT public_id FROM players WHERE id = ?", player);

    telegram.enqueueText(emma, "/privacy export");
    SentMessage sent = telegram.awaitSent(m -> m.chatId() == emma.id() && "senddocument".equals(m.method()), WAIT);
    assertEquals("xpbridge-" + publicId + ".json", sent.documentName());
    assertTrue(sent.text().startsWith("📦 Your data"), sent.text());
    JsonObject file = new JsonObject(new String(sent.document(), StandardCharsets.UTF_8));
    assertEquals("xpbridge.personal-data/1", file.getString("format"));
    JsonObject profile = file.getJsonObject("player");
    assertEquals(player, profile.getLong("playerId"));
    assertEquals(300, profile.getLong("xp"));
    assertEquals(emma.id(), profile.getJsonObject("telegram").getLong("id"));
    assertEquals("emma", profile.getJsonObject("telegram").getString("username"));
    JsonObject history = file.getJsonObject("history");
    assertEquals(10_000, history.getInteger("limit"));
    assertFalse(history.getBoolean("capped"));
    long rows = service.sql.queryLong("SELECT (SELECT count(*) FROM transactions WHERE player_id = ?)"
        + " + (SELECT count(*) FROM sync_events WHERE player_id = ?)", player, player);
    assertEquals(rows, history.getJsonArray("items").size());
    assertTrue(history.getJsonArray("items").stream().map(JsonObject.class::cast)
        .anyMatch(item -> "audit".equals(item.getString("kind")) && item.getLong("xp") == 300), history.encode());
  }

  @Test
  void discordExportIsAnEphemeralJsonAttachment() throws Exception {
    long fred = discordMember("fred", 70, rank1);
    long player = DiscordService.playerOf(service.sql, fred);
    String publicId = service.sql.queryString("SELECT public_id FROM players WHERE id = ?", player);

    InteractionReply reply = slash(fred, "privacy", Map.of("data", "export"), "en-US");

    assertTrue(reply.ephemeral());
    byte[] bytes = reply.file("xpbridge-" + publicId + ".json");
    assertNotNull(bytes, reply.data().encode());
    JsonObject file = new JsonObject(new String(bytes, StandardCharsets.UTF_8));
    assertEquals(fred, file.getJsonObject("player").getJsonObject("discord").getLong("id"));
    assertEquals(70, file.getJsonObject("player").getLong("xp"));
    assertFalse(file.getJsonObject("history").getJsonArray("items").isEmpty());
  }

  // ---- delete ----

  @Test
  void telegramDeleteAsksFirstThenErasesAndTheAccountComesBackFromZero() {
    TgUser gina = new TgUser(8_100_004L, "gina", "en");
    long player = telegramPlayer(gina, 500);
    long ginaOnDiscord = 8_200_004L;
    service.sql.update("INSERT INTO discord_identities (discord_id, player_id, username, linked_at) VALUES (?, ?, ?, now())",
        ginaOnDiscord, player, "gina_ds");
    service.sql.update("INSERT INTO sync_events (idempotency_key, source, event_type, player_id, payload, applied_at,"
        + " next_attempt_at) VALUES ('test_pending_effect_gina', 'system', 'rank_change', ?, '{}', now(),"
        + " now() + interval '1 hour')", player);
    Await.until("gina is on the standings", () -> topNames().contains("gina"), WAIT);
    List<Object> sumsBefore = ledgerSums();

    telegram.enqueueText(gina, "/privacy delete");
    awaitText(gina.id(), "To confirm, send /privacy delete again within 60 seconds.");
    assertEquals(1, service.sql.queryLong("SELECT count(*) FROM telegram_identities WHERE telegram_id = ?", gina.id()),
        "the first ask erases nothing");

    telegram.enqueueText(gina, "/privacy delete");
    awaitText(gina.id(), "🗑 Done: your data is erased");

    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM telegram_identities WHERE player_id = ?", player));
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM discord_identities WHERE player_id = ?", player));
    List<Object> row = service.sql.queryRow(
        "SELECT display_name IS NULL, erased_at IS NOT NULL, hidden, xp FROM players WHERE id = ?", player);
    assertEquals(List.of(true, true, true, 500L), row.stream().map(v -> v instanceof Number n ? (Object) n.longValue()
        : v).toList());
    assertEquals(sumsBefore, ledgerSums(), "audit rows stay: the ledger still adds up");
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM transactions WHERE player_id = ? AND"
        + " (idempotency_key LIKE ? OR coalesce(reason, '') LIKE ?)", player, "%" + gina.id() + "%", "%" + gina.id() + "%"));
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM sync_events WHERE player_id = ? AND"
        + " (idempotency_key LIKE ? OR payload::text LIKE ?)", player, "%" + gina.id() + "%", "%" + gina.id() + "%"));
    assertEquals("completed", service.sql.queryString(
        "SELECT status FROM sync_events WHERE idempotency_key = 'test_pending_effect_gina'"));
    assertTrue(service.sql.queryString("SELECT error_message FROM sync_events WHERE idempotency_key ="
        + " 'test_pending_effect_gina'").startsWith("cancelled"));
    Await.until("gina is off the standings", () -> !topNames().contains("gina"), WAIT);
    assertFalse(publicNames().contains("gina"));

    int before = lastMessageId(gina.id());
    telegram.enqueueText(gina, "/start");
    telegram.awaitSent(m -> m.chatId() == gina.id() && m.messageId() > before && m.text() != null
        && m.text().contains("Your profile is ready."), WAIT);
    long fresh = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = ?", gina.id());
    assertTrue(fresh > 0, "the account has a player again");
    assertNotEquals(player, fresh);
    assertEquals(0, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", fresh));
    telegram.enqueueText(gina, "/daily");
    String daily = telegram.awaitSent(m -> m.chatId() == gina.id() && m.text() != null
        && m.text().startsWith("🎁"), WAIT).text();
    assertTrue(daily.startsWith("🎁 Daily reward: +"), daily);
    Await.until("the new player got the daily reward", () -> service.sql.queryLong(
        "SELECT count(*) FROM transactions WHERE player_id = ?", fresh) > 0, WAIT);
    assertEquals(500, service.sql.queryLong("SELECT xp FROM players WHERE id = ?", player), "the old row is untouched");
  }

  @Test
  void discordDeleteAsksFirstThenErasesAndTheMembersNextMessageStartsANewPlayer() throws Exception {
    long hugo = discordMember("hugo", 90, rank1);
    long player = DiscordService.playerOf(service.sql, hugo);

    InteractionReply ask = slash(hugo, "privacy", Map.of("data", "delete"), "en-US");
    assertTrue(ask.visibleText().contains("To confirm, run /privacy data:Delete my data again within 60 seconds."),
        ask.visibleText());
    assertEquals(player, DiscordService.playerOf(service.sql, hugo));

    InteractionReply done = slash(hugo, "privacy", Map.of("data", "delete"), "en-US");
    assertTrue(done.visibleText().startsWith("Done: your data is erased"), done.visibleText());
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM discord_identities WHERE discord_id = ?", hugo));
    assertEquals(null, service.sql.queryString("SELECT display_name FROM players WHERE id = ?", player));

    InteractionReply after = slash(hugo, "privacy", Map.of(), "en-US");
    assertFalse(after.visibleText().contains("What is kept"), "no player until the member is active again: "
        + after.visibleText());
    discord.sendMessage(hugo, general);
    long fresh = Await.value("hugo's message made a new player", () -> service.sql.queryLong(
        "SELECT coalesce(max(player_id), 0) FROM discord_identities WHERE discord_id = ?", hugo), id -> id > 0);
    assertNotEquals(player, fresh);
    Await.until("the new player has only the new message's XP", () -> DiscordService.xpOf(service.sql, hugo) > 0, WAIT);
    assertTrue(DiscordService.xpOf(service.sql, hugo) < 90);
  }

  @Test
  void adminDeleteErasesAt200SaysWhenItWasErasedBeforeAnd404And400() throws Exception {
    TgUser ivan = new TgUser(8_100_005L, "ivan", "en");
    long player = telegramPlayer(ivan, 40);

    HttpResponse<String> erased = http("DELETE", "/api/v1/players/" + player);
    assertEquals(200, erased.statusCode(), erased.body());
    JsonObject body = new JsonObject(erased.body());
    assertEquals(player, body.getLong("playerId"));
    assertFalse(body.getBoolean("alreadyErased"));
    assertEquals(new JsonArray().add(ivan.id()), body.getJsonArray("telegramIds"));
    assertNotNull(body.getString("erasedAt"));
    assertEquals(0, service.sql.queryLong("SELECT count(*) FROM telegram_identities WHERE telegram_id = ?", ivan.id()));

    HttpResponse<String> again = http("DELETE", "/api/v1/players/" + player);
    assertEquals(200, again.statusCode(), again.body());
    assertTrue(new JsonObject(again.body()).getBoolean("alreadyErased"));
    assertEquals(body.getString("erasedAt"), new JsonObject(again.body()).getString("erasedAt"));

    assertEquals(404, http("DELETE", "/api/v1/players/999999999").statusCode());
    assertEquals(400, http("DELETE", "/api/v1/players/abc").statusCode());
    assertEquals(400, http("DELETE", "/api/v1/players/-3").statusCode());
    assertEquals(401, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort()
        + "/api/v1/players/" + player)).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  // ---- helpers ----

  private static long discordMember(String name, long xp, long... roles) {
    long discordId = discord.addMember(name, roles);
    service.request(Bus.PLAYERS_REGISTER, new JsonObject().put("discordId", discordId).put("username", name));
    service.submit(new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", discordId)
        .put("xp", xp).put("idempotencyKey", "seed_" + discordId));
    Await.until(name + " has " + xp + " XP", () -> DiscordService.xpOf(service.sql, discordId) == xp, WAIT);
    return discordId;
  }

  private static long telegramPlayer(TgUser user, long xp) {
    telegram.enqueueText(user, "/start");
    awaitText(user.id(), user.languageCode().equals("ru") ? "Добро пожаловать" : "Welcome");
    service.submit(ServiceFixture.xp("seed_tg_" + user.id(), user.id(), xp).put("source", "telegram"));
    long player = service.sql.queryLong("SELECT player_id FROM telegram_identities WHERE telegram_id = ?", user.id());
    Await.until(user.username() + " has " + xp + " XP", () -> service.sql.queryLong(
        "SELECT xp FROM players WHERE id = ?", player) == xp, WAIT);
    return player;
  }

  /** The id of the bot's last message in the chat (0 before any): later answers have greater ones. */
  private static int lastMessageId(long chatId) {
    return telegram.sentTo(chatId).stream().mapToInt(SentMessage::messageId).max()
        .orElse(0);
  }

  private static void awaitNothingInFlight(long player) {
    Await.until("nothing of player " + player + " is in flight", () -> service.sql.queryLong(
        "SELECT count(*) FROM sync_events WHERE player_id = ? AND status IN ('pending', 'processing')", player) == 0,
        WAIT);
  }

  private static List<Object> ledgerSums() {
    return service.sql.queryRow("SELECT coalesce(sum(delta_xp), 0), coalesce(sum(delta_balance), 0), count(*)"
        + " FROM transactions");
  }

  private static InteractionReply slash(long user, String name, Map<String, Object> options, String locale)
      throws Exception {
    Future<InteractionReply> reply = discord.invokeSlashCommand(user, name, options, locale);
    return reply.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
  }

  private static String awaitText(long chatId, String fragment) {
    return telegram.awaitSent(m -> m.chatId() == chatId && m.text() != null && m.text().contains(fragment), WAIT)
        .text();
  }

  private static List<String> topNames() {
    JsonArray entries = service.request(Bus.PLAYERS_TOP, new JsonObject().put("limit", 50).put("season", "all"))
        .getJsonArray("entries");
    return entries.stream().map(e -> ((JsonObject) e).getString("displayName")).toList();
  }

  private static List<String> publicNames() {
    JsonArray players = service.request(Bus.PUBLIC_STANDINGS, new JsonObject().put("season", "all"))
        .getJsonArray("players");
    return players.stream().map(e -> ((JsonObject) e).getString("name")).toList();
  }

  private static HttpResponse<String> http(String method, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
  }
}
