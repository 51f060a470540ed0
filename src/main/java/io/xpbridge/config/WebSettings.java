package io.xpbridge.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The {@code web} section: the public leaderboard, player pages, rank cards and public JSON (issue 15),
 * served by the HTTP verticle without a token. {@code enabled} decides at start whether those routes
 * are mounted at all (off: they answer 404); the rest applies live. {@code publicBaseUrl} is where
 * players reach the pages (for links in bot messages): an absolute http(s) URL, stored without a
 * trailing slash, null when the pages are not reachable from outside. The public JSON allows
 * {@code publicApiRatePerSecond} requests a second per client address with bursts of
 * {@code publicApiBurst}.
 */
public record WebSettings(boolean enabled, String title, String publicBaseUrl, double publicApiRatePerSecond,
    int publicApiBurst) {
  public static final String DEFAULT_TITLE = "xpbridge";
  public static final double DEFAULT_RATE_PER_SECOND = 10;
  public static final int DEFAULT_BURST = 20;

  static WebSettings read(ConfigReader in) {
    String title = in.string("web.title", DEFAULT_TITLE).strip();
    if (title.length() > 100) {
      in.reject("web.title must be at most 100 characters, got " + title.length());
      title = DEFAULT_TITLE;
    }
    return new WebSettings(
        in.bool("web.enabled", true),
        title,
        baseUrl(in),
        in.decimalIn("web.publicApiRatePerSecond", DEFAULT_RATE_PER_SECOND, 0.01, 10_000),
        in.intIn("web.publicApiBurst", DEFAULT_BURST, 1, 100_000));
  }

  /** {@code running}'s {@code enabled}: the routes are mounted (or not) at start. */
  WebSettings withEnabledOf(WebSettings running) {
    return new WebSettings(running.enabled(), title, publicBaseUrl, publicApiRatePerSecond, publicApiBurst);
  }

  private static String baseUrl(ConfigReader in) {
    String text = in.string("web.publicBaseUrl", null);
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null
          && uri.getFragment() == null) {
        return trimmed;
      }
    } catch (URISyntaxException e) {
      // reported below with the value as given
    }
    in.reject("web.publicBaseUrl must be an absolute http(s) URL without query, like https://xp.example.org, got "
        + text);
    return null;
  }
}
