package io.xpbridge.domain;

/**
 * Addresses on the public web pages that the bots put in their answers. The base is
 * {@code web.publicBaseUrl}: null when the pages are not reachable from outside, and then no link
 * is given at all.
 */
public final class PublicLinks {
  private PublicLinks() {}

  /**
   * {@code <base>/players/<publicId>}, or null without a base or a public id. A trailing slash of the
   * base is dropped; the public id is opaque hex, so it needs no escaping.
   */
  public static String playerPage(String baseUrl, String publicId) {
    if (baseUrl == null || baseUrl.isBlank() || publicId == null || publicId.isBlank()) {
      return null;
    }
    String base = baseUrl.trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + "/players/" + publicId;
  }
}
