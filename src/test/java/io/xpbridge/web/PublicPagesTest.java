package io.xpbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Players;
import io.xpbridge.bus.Web;
import io.xpbridge.http.HttpApiVerticle;
import io.xpbridge.support.Await;
import io.xpbridge.support.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The public pages on the real HTTP verticle, with the test answering {@link Bus#PUBLIC_STANDINGS}
 * and {@link Bus#PUBLIC_PLAYER} the way a fake server would (the real producer is the data side's;
 * {@link LeaderboardPageEndToEndTest} runs the pages on it). Each answer is a {@code bus.Web} record,
 * a failure code, or no consumer at all.
 */
class PublicPagesTest {
  static final HttpClient http = HttpClient.newHttpClient();
  static final String SCRIPT_NAME = "<script>alert(1)</script>";
  static Vertx vertx;
  static int port;
  static final AtomicReference<Function<JsonObject, Object>> standings = new AtomicReference<>();
  static final AtomicReference<Function<JsonObject, Object>> players = new AtomicReference<>();
  static final List<JsonObject> asked = new CopyOnWriteArrayList<>();
  static final List<MessageConsumer<?>> consumers = new ArrayList<>();

  /** A failure the producer reports: {@code fail(code, message)} on the bus. */
  record Fail(int code, String message) {}

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    consumers.add(vertx.eventBus().<JsonObject>consumer(Bus.PUBLIC_STANDINGS, msg -> answer(msg, standings.get())));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Bus.PUBLIC_PLAYER, msg -> answer(msg, players.get())));
    JsonObject config = TestConfig.shipped();
    config.getJsonObject("http").put("port", 0).put("host", "127.0.0.1").put("adminToken", TestConfig.ADMIN_TOKEN);
    Await.result(vertx.deployVerticle(new HttpApiVerticle(), new DeploymentOptions().setConfig(config)));
    port = (Integer) vertx.sharedData().getLocalMap("xpbridge").get(HttpApiVerticle.PORT_KEY);
  }

  private static void answer(Message<JsonObject> msg, Function<JsonObject, Object> how) {
    asked.add(msg.body());
    Object reply = how.apply(msg.body());
    if (reply instanceof Fail fail) {
      msg.fail(fail.code(), fail.message());
    } else {
      msg.reply(BusJson.encode(reply));
    }
  }

  @AfterAll
  static void stop() {
    Await.result(vertx.close());
  }

  @BeforeEach
  void defaults() {
    asked.clear();
    standings.set(query -> standings(query, 3, 1, 1));
    players.set(query -> player(query.getString("publicId"), SCRIPT_NAME, null));
  }

  static Web.RankProgress rank(long xp) {
    return new Web.RankProgress(3, 20, "Искатель", 300, 600L, "Следопыт", xp);
  }

  static Web.Standings standings(JsonObject query, int playersOnPage, int page, long pages) {
    List<Web.Entry> entries = IntStream.rangeClosed(1, playersOnPage).mapToObj(i -> new Web.Entry(
        (page - 1L) * Web.PAGE_SIZE + i, "pub" + i, i == 1 ? SCRIPT_NAME : i == 2 ? "Анна Петрова" : "bob",
        i == 2 ? "https://cdn.discordapp.com/avatars/123/abc.png" : null, 1000 - i, rank(450))).toList();
    boolean all = "all".equals(query.getString("season"));
    return new Web.Standings(all ? "all" : "season", all ? null : 2, all ? null : "Зима <2026>", page,
        Web.PAGE_SIZE, pages * Web.PAGE_SIZE, pages, entries,
        List.of(new Web.SeasonChoice(2, "Зима <2026>", "running"), new Web.SeasonChoice(1, "Осень & co", "archived")));
  }

  static Web.Player player(String publicId, String name, String avatarUrl) {
    return new Web.Player(publicId, name, avatarUrl, 450, rank(450),
        List.of(new Players.AchievementView("first", "Первые шаги <b>", "2026-11-01T10:00:00Z")),
        2, "Зима <2026>", 120, 7L, 42L);
  }

  static HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  static List<String> all(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void rootAndLeaderboardAnswerTheCurrentSeasonWithoutAToken() throws Exception {
    for (String path : List.of("/", "/leaderboard")) {
      HttpResponse<String> page = get(path);
      assertEquals(200, page.statusCode(), page.body());
      assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
      assertTrue(page.body().contains("<meta charset=\"utf-8\">"));
      assertTrue(page.body().contains("name=\"viewport\""));
      assertEquals(3, all(page.body(), "<li class=\"(player-row)[ \"]").size(), page.body());
      assertEquals(List.of("1", "2", "3"), all(page.body(), "<span class=\"place\">(\\d+)</span>"));
      assertEquals(List.of("/players/pub1", "/players/pub2", "/players/pub3"),
          all(page.body(), "<a class=\"name\" href=\"([^\"]+)\""));
    }
    assertEquals("current", asked.get(0).getString("season"));
    assertEquals(1, asked.get(0).getInteger("page"));
  }

  @Test
  void aScriptInANameShowsAsText() throws Exception {
    String leaderboard = get("/leaderboard").body();
    assertFalse(leaderboard.contains("<script"), "no script element from a name");
    assertTrue(leaderboard.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), leaderboard);
    assertTrue(leaderboard.contains("Зима &lt;2026&gt;") && leaderboard.contains("Осень &amp; co"),
        "season names escaped too");
    String player = get("/players/pub1").body();
    assertFalse(player.contains("<script"));
    assertFalse(player.contains("<b>"), "achievement names escaped");
    assertTrue(player.contains("Первые шаги &lt;b&gt;"), player);
    HttpResponse<String> headers = get("/players/pub1");
    assertTrue(headers.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
  }

  @Test
  void theAvatarIsAnImageUnderThePublicIdWhenLinkedElseInitialsInAColourOfThePublicId() throws Exception {
    String html = get("/leaderboard").body();
    assertTrue(html.contains("<img class=\"avatar\" src=\"/avatars/pub2.png\" "
        + "width=\"40\" height=\"40\" alt=\"Аватар: Анна Петрова\""), html);
    assertFalse(html.contains("cdn.discordapp.com"), "the CDN address is never in the page");
    assertTrue(html.contains("<span class=\"avatar initials " + Avatar.colourClass("pub3") + " size-40\""), html);
    assertTrue(html.contains(">B</span>"), "bob's initial");
    players.set(query -> player("pubX", "Анна Петрова", "javascript:alert(1)"));
    String player = get("/players/pubX").body();
    assertFalse(player.contains("javascript:"), "only https avatars are images");
    assertTrue(player.contains(">АП</span>"), player);
    String custom = "https://cdn.discordapp.com/avatars/412345678901234567/a1b2c3.png";
    players.set(query -> player("pubY", "Анна Петрова", custom));
    String withId = get("/players/pubY").body();
    assertFalse(withId.contains("412345678901234567"), "a custom avatar's address would show the Discord id");
    assertTrue(withId.contains("<img class=\"avatar\" src=\"/avatars/pubY.png\""), withId);
    players.set(query -> player("pubZ", "Анна Петрова", "https://elsewhere.example/a.png"));
    assertTrue(get("/players/pubZ").body().contains(">АП</span>"), "only Discord's CDN is shown");
  }

  @Test
  void noPlatformIdAppearsInThePages() throws Exception {
    long telegramId = 5_550_001_234L;
    String discordId = "412345678901234567";
    // Even if a producer slipped ids into the reply, the pages render only the record's public fields.
    standings.set(query -> BusJson.encode(standings(query, 3, 1, 1)).put("telegramId", telegramId)
        .put("discordId", discordId));
    String html = get("/leaderboard").body() + get("/players/pub2").body();
    assertFalse(html.contains(Long.toString(telegramId)));
    assertFalse(html.contains(discordId));
    assertFalse(html.contains("telegram") || html.contains("discordId"));
  }

  @Test
  void pagingLinksKeepTheSeasonAndSayWhichPage() throws Exception {
    standings.set(query -> standings(query, 50, query.getInteger("page"), 3));
    String first = get("/leaderboard?season=all").body();
    assertTrue(first.contains("<h1>Таблица лидеров <span class=\"scope\">За всё время</span></h1>"), first);
    assertEquals(List.of(), all(first, "rel=\"(prev)\""));
    assertEquals(List.of("/leaderboard?season=all&amp;page=2"), all(first, "rel=\"next\" href=\"([^\"]+)\""));
    assertTrue(first.contains("id=\"page-status\">Страница 1 из 3<"), first);
    String second = get("/leaderboard?season=all&page=2").body();
    assertEquals(List.of("/leaderboard?season=all"), all(second, "rel=\"prev\" href=\"([^\"]+)\""));
    assertEquals(List.of("/leaderboard?season=all&amp;page=3"), all(second, "rel=\"next\" href=\"([^\"]+)\""));
    assertEquals("51", all(second, "<span class=\"place\">(\\d+)</span>").get(0));
    assertEquals(3, all(first, "class=\"player-row (podium)\"").size(), "places 1 to 3 get medal colours");
    assertEquals(List.of(), all(second, "class=\"player-row (podium)\""), "by place, not by row");
    String last = get("/leaderboard?season=all&page=3").body();
    assertEquals(List.of(), all(last, "rel=\"(next)\""));
    assertEquals(2, asked.get(1).getInteger("page"));
    assertEquals("all", asked.get(1).getString("season"));
  }

  @Test
  void theSeasonSwitchLinksThisSeasonAllTimeAndEachPastSeason() throws Exception {
    String current = get("/leaderboard").body();
    assertEquals(List.of("current", "all", "1"), all(current, "class=\"season-switch[^\"]*\" "
        + "(?:aria-current=\"page\" )?data-season=\"([^\"]+)\""));
    assertEquals(List.of("current"), all(current, "class=\"season-switch active\" aria-current=\"page\" "
        + "data-season=\"([^\"]+)\""));
    assertEquals(List.of("all"), all(get("/leaderboard?season=all").body(),
        "class=\"season-switch active\" aria-current=\"page\" data-season=\"([^\"]+)\""));
    standings.set(query -> {
      Web.Standings s = standings(query, 1, 1, 1);
      return new Web.Standings("season", 1, "Осень & co", 1, 50, 1, 1, s.players(), s.seasons());
    });
    assertEquals(List.of("1"), all(get("/leaderboard?season=1").body(),
        "class=\"season-switch active\" aria-current=\"page\" data-season=\"([^\"]+)\""));
    assertEquals("1", asked.get(asked.size() - 1).getString("season"));
  }

  @Test
  void languageComesFromLangThenAcceptLanguageByQualityElseRussian() throws Exception {
    assertTrue(get("/leaderboard").body().contains("<html lang=\"ru\">"));
    assertTrue(get("/leaderboard?lang=en").body().contains("<html lang=\"en\">"));
    assertTrue(get("/leaderboard?lang=en", "ru").body().contains("Leaderboard"));
    assertTrue(get("/leaderboard", "en-US,en;q=0.9").body().contains("<html lang=\"en\">"));
    assertTrue(get("/leaderboard", "de-DE, en;q=0.5, ru;q=0.8").body().contains("<html lang=\"ru\">"));
    assertTrue(get("/leaderboard", "de, fr").body().contains("<html lang=\"ru\">"));
    assertTrue(get("/leaderboard?lang=xx", "en").body().contains("<html lang=\"en\">"), "unknown lang ignored");
    assertEquals("en", asked.get(1).getString("language"), "rank names asked in the page's language");
    String english = get("/players/pub1?lang=en").body();
    assertTrue(english.contains("Achievements") && english.contains("Place of all time"), english);
    String explicit = get("/leaderboard?lang=en&season=all").body();
    assertTrue(explicit.contains("href=\"/leaderboard?season=current&amp;lang=en\""), "an explicit language stays in links");
  }

  @Test
  void thePlayerPageShowsRankProgressPlacesAchievementsAndTheCard() throws Exception {
    HttpResponse<String> page = get("/players/pub7");
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertTrue(html.contains("id=\"player\""));
    assertTrue(html.contains("Искатель · 3/20"), html);
    assertTrue(html.contains("<progress class=\"to-next-rank\" max=\"1000\" value=\"500\""), html);
    assertTrue(html.contains("Ещё 150 XP до ранга «Следопыт»"), html);
    assertTrue(html.contains("<dd id=\"season-place\">7-е · 120 XP</dd>"), html);
    assertTrue(html.contains("<dd id=\"lifetime-place\">42-е</dd>"), html);
    assertTrue(html.contains("<img class=\"rank-card\" src=\"/cards/pub7.png\" width=\"934\" height=\"282\""), html);
    assertEquals("pub7", asked.get(0).getString("publicId"));
    assertEquals(null, asked.get(0).getValue("telegramId"));
  }

  @Test
  void badParametersAre400PagesSayingWhatIsWrong() throws Exception {
    Map<String, String> cases = Map.of(
        "/leaderboard?page=0", "page", "/leaderboard?page=abc", "abc", "/leaderboard?page=-1", "page",
        "/leaderboard?season=spring", "spring", "/leaderboard?season=%3Cscript%3E", "&lt;script&gt;",
        "/leaderboard?page=1&page=2", "page");
    for (Map.Entry<String, String> bad : cases.entrySet()) {
      HttpResponse<String> page = get(bad.getKey());
      assertEquals(400, page.statusCode(), bad.getKey());
      assertTrue(page.body().contains("data-status=\"400\""), bad.getKey());
      assertTrue(page.body().contains(bad.getValue()), bad.getKey() + " -> " + page.body());
      assertFalse(page.body().contains("<script>"));
    }
    assertEquals(List.of(), asked, "refused before asking the bus");
    standings.set(query -> new Fail(400, "'season' 12 is not archived yet"));
    HttpResponse<String> producer = get("/leaderboard?season=12");
    assertEquals(400, producer.statusCode());
    assertTrue(producer.body().contains("&#39;season&#39; 12 is not archived yet"), producer.body());
  }

  @Test
  void unknownSeasonPlayerOrPageAre404Pages() throws Exception {
    standings.set(query -> new Fail(404, "no season 9"));
    HttpResponse<String> season = get("/leaderboard?season=9&lang=en");
    assertEquals(404, season.statusCode());
    assertTrue(season.body().contains("No such season."), season.body());
    players.set(query -> new Fail(404, "no such player"));
    HttpResponse<String> player = get("/players/nobody");
    assertEquals(404, player.statusCode());
    assertTrue(player.body().contains("data-status=\"404\""));
    int before = asked.size();
    assertEquals(404, get("/players/bad%20id").statusCode());
    assertEquals(404, get("/players/" + "a".repeat(65)).statusCode());
    assertEquals(before, asked.size(), "a malformed public id is not looked up");
    standings.set(query -> new Web.Standings("all", null, null, query.getInteger("page"), 50, 120, 3, List.of(),
        List.of()));
    HttpResponse<String> beyond = get("/leaderboard?season=all&page=9");
    assertEquals(404, beyond.statusCode());
    assertTrue(beyond.body().contains("Страницы 9 нет: всего страниц 3."), beyond.body());
    standings.set(query -> new Web.Standings("season", 2, "Зима", 1, 50, 0, 0, List.of(), List.of()));
    HttpResponse<String> empty = get("/leaderboard");
    assertEquals(200, empty.statusCode(), "an empty season is a page, not an error");
    assertTrue(empty.body().contains("Здесь пока никого нет."));
  }

  @Test
  void aBusThatDoesNotAnswerIsA503PageWithRetryAfter() throws Exception {
    standings.set(query -> new Fail(500, "database down"));
    HttpResponse<String> failed = get("/leaderboard");
    assertEquals(503, failed.statusCode());
    assertEquals("30", failed.headers().firstValue("Retry-After").orElse(""));
    assertTrue(failed.body().contains("Временно недоступно"));
    assertFalse(failed.body().contains("database down"), "internal failures are not shown to the public");
    MessageConsumer<?> consumer = consumers.get(1);
    Await.result(consumer.unregister());
    try {
      HttpResponse<String> nobody = get("/players/pub1");
      assertEquals(503, nobody.statusCode(), "no handler on the bus");
    } finally {
      consumers.set(1, vertx.eventBus().<JsonObject>consumer(Bus.PUBLIC_PLAYER, msg -> answer(msg, players.get())));
      Await.result(consumers.get(1).completion());
    }
  }

  @Test
  void theStylesheetIsServedFromTheJarWithCachingHeaders() throws Exception {
    HttpResponse<String> css = get(Pages.STYLESHEET);
    assertEquals(200, css.statusCode());
    assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    assertTrue(css.body().contains(".player-row"));
    String cacheControl = css.headers().firstValue("Cache-Control").orElse("");
    assertTrue(cacheControl.contains("max-age=" + PageRoutes.STATIC_MAX_AGE_SECONDS), cacheControl);
    assertNotNull(css.headers().firstValue("ETag").orElse(css.headers().firstValue("Last-Modified").orElse(null)));
    assertTrue(get("/leaderboard").body().contains("<link rel=\"stylesheet\" href=\"" + Pages.STYLESHEET + "\">"));
    assertEquals(404, get("/static/../conf/config.json").statusCode());
  }

  @Test
  void withWebDisabledNoPageIsMounted() throws Exception {
    Vertx other = Vertx.vertx();
    try {
      JsonObject config = TestConfig.shipped();
      config.getJsonObject("http").put("port", 0).put("host", "127.0.0.1").put("adminToken", TestConfig.ADMIN_TOKEN);
      config.put("web", new JsonObject().put("enabled", false));
      other.sharedData().getLocalMap("xpbridge").remove(HttpApiVerticle.PORT_KEY);
      Await.result(other.deployVerticle(new HttpApiVerticle(), new DeploymentOptions().setConfig(config)));
      int disabledPort = (Integer) other.sharedData().getLocalMap("xpbridge").get(HttpApiVerticle.PORT_KEY);
      for (String path : List.of("/", "/leaderboard", "/players/pub1", Pages.STYLESHEET, "/cards/pub1.png")) {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + disabledPort + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, answer.statusCode(), path);
      }
      assertEquals(List.of(), asked);
    } finally {
      Await.result(other.close());
    }
  }
}
