package io.xpbridge.web;

import io.vertx.ext.web.RoutingContext;

/**
 * The language of a public reply: {@code ?lang=ru|en} when given, else the first of ru or en the
 * browser prefers by {@code Accept-Language}, else English. An unknown {@code lang} is refused by the
 * caller (400), an unknown header language just falls through.
 */
final class RequestLanguage {
  private RequestLanguage() {}

  static final String RUSSIAN = "ru";
  static final String ENGLISH = "en";

  /** {@code lang} as given (null when absent), or the header's choice. */
  static String of(RoutingContext ctx, String lang) {
    if (lang != null) {
      return lang.trim().toLowerCase();
    }
    return PageLanguage.fromHeader(ctx.request().getHeader("Accept-Language"), ENGLISH);
  }
}
