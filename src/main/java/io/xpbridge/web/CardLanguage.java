package io.xpbridge.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** The card's language: {@code ?lang=ru|en}, else what Accept-Language weighs highest of them, else English. */
final class CardLanguage {
  private CardLanguage() {}

  static String of(RoutingContext ctx) {
    String asked = ctx.request().getParam("lang");
    return asked != null ? normalize(asked)
        : PageLanguage.fromHeader(ctx.request().getHeader("Accept-Language"), PageLanguage.ENGLISH);
  }

  static String normalize(String language) {
    return language != null && language.toLowerCase(Locale.ROOT).startsWith("ru") ? "ru" : "en";
  }
}
