package io.xpbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public pages in a real browser: Debian's Chromium driven through Debian's chromedriver, against
 * the whole service on a seeded database. It fails (never skips) when either binary is missing, because
 * the issue wants {@code ./mvnw verify} to pass with this test running; {@code .ci/run} installs them.
 * One browser for the class: starting Chromium costs more than all the checks together.
 *
 * <p>Seed: season 1 (archived) and season 2 (running, "Зима"). Lifetime order Alice, Анна Петрова,
 * Борис, Diana; season 2 order Борис, Анна Петрова, Diana, Alice. A hidden player and one who left the
 * Discord guild have the most XP in both and must not show.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaderboardBrowserTest {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final long ALICE = 5_550_002_001L;
  static final long ANNA = 5_550_002_002L;
  static final long BORIS = 5_550_002_003L;
  static final long HIDDEN = 5_550_002_005L;
  static final long DIANA = 412_345_678_901_235_004L;
  static final long LEAVER = 412_345_678_901_235_006L;
  static final List<String> LIFETIME = List.of("Alice", "Анна Петрова", "Борис", "Diana");
  static final List<String> SEASON = List.of("Борис", "Анна Петрова", "Diana", "Alice");

  static ServiceFixture service;
  static ChromeDriver browser;
  static WebDriverWait wait;
  static Path profile;
  // Held so the level sticks (java.util.logging keeps loggers weakly). The test uses no CDP, so the
  // devtools modules are left out, and Selenium's warning that none matches Chromium's version is noise.
  static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  @BeforeAll
  static void start() throws Exception {
    requireBinary(CHROMIUM, "chromium");
    requireBinary(CHROMEDRIVER, "chromium-driver");
    service = ServiceFixture.start(LeaderboardBrowserTest.class);
    seed();
    browser = chromium();
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.close();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static void requireBinary(String path, String debianPackage) {
    if (!Files.isExecutable(Path.of(path))) {
      throw new IllegalStateException(path + " is missing: the browser test needs Debian's chromium and "
          + "chromium-driver. Install them with `apt-get install -y chromium chromium-driver` (.ci/run does).");
    }
  }

  private static void seed() throws Exception {
    telegram("alice_1", ALICE, 1200, "Alice");
    telegram("anna_1", ANNA, 900, "Анна Петрова");
    telegram("boris_1", BORIS, 400, "Борис");
    telegram("hidden_1", HIDDEN, 2000, "Hidden Harry");
    discord("diana_1", DIANA, 600, "Diana");
    discord("leaver_1", LEAVER, 1500, "Leaving Larry");
    service.sql.update("UPDATE players SET hidden = true WHERE id = "
        + "(SELECT player_id FROM telegram_identities WHERE telegram_id = ?)", HIDDEN);
    service.sql.update("UPDATE discord_identities SET left_guild_at = now() WHERE discord_id = ?", LEAVER);
    HttpResponse<String> winter = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/api/v1/seasons"))
        .header("Authorization", "Bearer " + TestConfig.ADMIN_TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Зима\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, winter.statusCode(), winter.body());
    service.submit(ServiceFixture.xp("alice_2", ALICE, 50));
    service.submit(ServiceFixture.xp("anna_2", ANNA, 300));
    service.submit(ServiceFixture.xp("boris_2", BORIS, 500));
    service.submit(ServiceFixture.xp("hidden_2", HIDDEN, 1000));
    service.submit(discordXp("diana_2", DIANA, 100));
    service.submit(discordXp("leaver_2", LEAVER, 800));
    // Achievements are unlocked by the engine after the XP lands: wait for Anna's before looking at her page.
    Await.until("Anna's achievement", () -> service.sql.queryLong("SELECT count(*) FROM player_achievements a "
        + "JOIN telegram_identities t ON t.player_id = a.player_id WHERE t.telegram_id = ?", ANNA) > 0);
  }

  private static void telegram(String key, long telegramId, long xp, String name) {
    service.submit(ServiceFixture.xp(key, telegramId, xp));
    service.sql.update("UPDATE players SET display_name = ? WHERE id = "
        + "(SELECT player_id FROM telegram_identities WHERE telegram_id = ?)", name, telegramId);
  }

  private static void discord(String key, long discordId, long xp, String name) {
    service.submit(discordXp(key, discordId, xp));
    service.sql.update("UPDATE players SET display_name = ? WHERE id = "
        + "(SELECT player_id FROM discord_identities WHERE discord_id = ?)", name, discordId);
  }

  private static JsonObject discordXp(String key, long discordId, long xp) {
    return new JsonObject().put("source", "discord").put("type", "xp_change").put("discordId", discordId)
        .put("xp", xp).put("idempotencyKey", key);
  }

  private static URI url(String path) {
    return URI.create("http://127.0.0.1:" + service.httpPort() + path);
  }

  /**
   * Both paths given explicitly, so Selenium Manager (which would try to download a driver and a
   * browser) is never asked; a fresh profile so no state leaks between runs.
   */
  private static ChromeDriver chromium() throws IOException {
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
    profile = Files.createTempDirectory("xpbridge-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1000,1200", "--lang=ru-RU");
    // Accept-Language: the pages' default language for a Russian-speaking community.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ru-RU,ru"));
    ChromeDriverService driverService = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    return new ChromeDriver(driverService, options);
  }

  private static void open(String path) {
    browser.get(url(path).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
  }

  private static List<String> names() {
    return browser.findElements(By.cssSelector("#leaderboard .player-row .name")).stream()
        .map(WebElement::getText).collect(Collectors.toList());
  }

  /**
   * The page's content and no empty viewport below it: the window is fitted to the content's height for
   * the shot (these are the README's images, docs/leaderboard.png and docs/player.png), then restored.
   */
  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Dimension window = browser.manage().window().getSize();
    JavascriptExecutor js = browser;
    long chrome = window.getHeight() - ((Number) js.executeScript("return window.innerHeight")).longValue();
    long content = ((Number) js.executeScript(
        "return Math.ceil(document.querySelector('main').getBoundingClientRect().bottom + window.scrollY) + 24"))
        .longValue();
    try {
      browser.manage().window().setSize(new Dimension(window.getWidth(), (int) (content + chrome)));
      wait.until(driver -> ((Number) js.executeScript("return window.innerHeight")).longValue() >= content
          || ((Number) js.executeScript("return window.innerHeight")).longValue() >= 4000);
      Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } finally {
      browser.manage().window().setSize(window);
    }
  }

  @Test
  @Order(1)
  void theLeaderboardRanksTheSeasonThenLifetimeWithoutHiddenOrLeavers() throws IOException {
    open("/leaderboard");
    assertEquals(SEASON, names(), "season 2 ranks by its own XP");
    assertEquals("ru", browser.findElement(By.tagName("html")).getAttribute("lang"));
    String text = browser.findElement(By.tagName("body")).getText();
    assertFalse(text.contains("Hidden Harry"), "a hidden player is shown");
    assertFalse(text.contains("Leaving Larry"), "a player who left the guild is shown");
    assertTrue(browser.findElement(By.cssSelector("a.season-switch[data-season=current]")).getAttribute("class")
        .contains("active"));
    assertFalse(browser.findElements(By.cssSelector("a.season-switch[data-season='1']")).isEmpty(),
        "the archived season is offered");

    browser.findElement(By.cssSelector("a.season-switch[data-season=all]")).click();
    wait.until(ExpectedConditions.attributeContains(By.cssSelector("a.season-switch[data-season=all]"), "class",
        "active"));
    assertEquals(LIFETIME, names(), "lifetime ranks by all XP");
    assertTrue(browser.getCurrentUrl().contains("season=all"), browser.getCurrentUrl());
    List<String> places = browser.findElements(By.cssSelector("#leaderboard .player-row .place")).stream()
        .map(WebElement::getText).collect(Collectors.toList());
    assertEquals(List.of("1", "2", "3", "4"), places);
    String lifetimeText = browser.findElement(By.tagName("body")).getText();
    assertFalse(lifetimeText.contains("Hidden Harry") || lifetimeText.contains("Leaving Larry"));
    screenshot("leaderboard.png");
  }

  @Test
  @Order(2)
  void clickingANameOpensThePlayerPageWithRankAchievementsAndCard() throws IOException {
    open("/leaderboard?season=all");
    WebElement row = browser.findElements(By.cssSelector("#leaderboard .player-row")).get(1);
    String rank = row.findElement(By.cssSelector(".rank")).getText();
    row.findElement(By.cssSelector(".name")).click();
    WebElement player = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("player")));
    assertEquals("Анна Петрова", player.findElement(By.cssSelector("h1.name")).getText());
    assertEquals(rank, player.findElement(By.cssSelector("p.rank")).getText(), "the same rank as in the list");
    assertTrue(browser.findElement(By.id("achievements")).getText().contains("Первые шаги"),
        browser.findElement(By.id("achievements")).getText());
    // Russian writes a place as an ordinal ("2-е"); English as "#2".
    assertEquals("2-е", browser.findElement(By.id("lifetime-place")).getText());
    assertTrue(browser.findElement(By.id("season-place")).getText().startsWith("2-е"),
        browser.findElement(By.id("season-place")).getText());
    // The rank card is really decoded by the browser at its stated size, not a broken image.
    WebElement card = browser.findElement(By.cssSelector("img.rank-card"));
    JavascriptExecutor js = browser;
    wait.until(driver -> Boolean.TRUE.equals(js.executeScript("return arguments[0].complete", card)));
    assertEquals(934L, js.executeScript("return arguments[0].naturalWidth", card));
    assertEquals(282L, js.executeScript("return arguments[0].naturalHeight", card));
    String html = browser.getPageSource();
    for (long id : List.of(ALICE, ANNA, BORIS, HIDDEN, DIANA, LEAVER)) {
      assertFalse(html.contains(Long.toString(id)), "platform id " + id + " in the page");
    }
    screenshot("player.png");
  }

  @Test
  @Order(3)
  void onAPhoneWidthNothingScrollsSideways() throws IOException {
    Dimension desktop = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(360, 740));
      JavascriptExecutor js = browser;
      // The layout viewport, not the outer window: what a 360 px phone lays out.
      wait.until(driver -> ((Number) js.executeScript("return window.innerWidth")).intValue() <= 360);
      for (String path : List.of("/leaderboard?season=all", "/players/" + publicIdOf(ANNA))) {
        open(path);
        long width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertTrue(width <= 360, path + " is " + width + " px wide on a 360 px screen");
      }
      screenshot("player-phone.png");
    } finally {
      browser.manage().window().setSize(desktop);
    }
  }

  private static String publicIdOf(long telegramId) {
    return service.sql.queryString("SELECT p.public_id FROM players p JOIN telegram_identities t "
        + "ON t.player_id = p.id WHERE t.telegram_id = ?", telegramId);
  }
}
