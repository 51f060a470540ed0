package io.xpbridge.importing;

import io.xpbridge.domain.InvalidRequestException;
import java.util.Locale;

/** The files {@link Importer} reads; each has its {@link RowReader}. */
public enum ImportFormat {
  MEE6(new Mee6Reader()),
  POLARIS(new PolarisReader()),
  CSV(new CsvReader()),
  XPBRIDGE(new XpbridgeReader());

  private final RowReader reader;

  ImportFormat(RowReader reader) {
    this.reader = reader;
  }

  RowReader reader() {
    return reader;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ImportFormat fromWire(String name) {
    for (ImportFormat format : values()) {
      if (format.wireName().equals(name)) {
        return format;
      }
    }
    throw new InvalidRequestException("unknown import format '" + name + "' (expected mee6, polaris, csv or xpbridge)");
  }
}
