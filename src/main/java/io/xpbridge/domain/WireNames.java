package io.xpbridge.domain;

import java.util.Locale;

/** The wire and database names of enums that are their constants in lower case ({@code PENDING} is {@code pending}). */
public final class WireNames {
  private WireNames() {}

  public static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** The constant of {@code type} named {@code name} on the wire, or null when there is none. */
  public static <E extends Enum<E>> E find(Class<E> type, String name) {
    if (name == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (of(constant).equals(name)) {
        return constant;
      }
    }
    return null;
  }
}
