package io.xpbridge.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** The card's language: {@code ?lang=ru|en}, else the first of Accept-Language we speak, else English. */
final class CardLanguage {
  private CardLanguage() {}

  static String of(RoutingContext ctx) {
    String asked = ctx.request().getParam("lang");
    if (asked != null) {
      return normalize(asked);
    }
    String header = ctx.request().getHeader("Accept-Language");
    if (header != null) {
      for (String part : header.split(",")) {
        String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (tag.startsWith("ru")) {
          return "ru";
        }
        if (tag.startsWith("en")) {
          return "en";
        }
      }
    }
    return "en";
  }

  static String normalize(String language) {
    return language != null && language.toLowerCase(Locale.ROOT).startsWith("ru") ? "ru" : "en";
  }
}
