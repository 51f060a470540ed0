package io.xpbridge.importing;

import io.xpbridge.bus.Imports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV with a header line {@code platform,id,xp[,balance][,name]} (columns in any order, names case
 * insensitive), {@code platform} {@code discord} or {@code telegram}; RFC 4180 quoting for names
 * with commas or quotes, one record per line. An empty balance or name cell means "none in the file".
 */
final class CsvReader implements RowReader {
  private static final List<String> KNOWN = List.of("platform", "id", "xp", "balance", "name");

  @Override
  public void read(InputStream in, Visitor visitor) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    String line;
    int lineNumber = 0;
    int[] columns = null;
    int width = 0;
    int row = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = split(line);
      if (cells == null) {
        if (columns != null) {
          row++;
        }
        visitor.error(lineNumber, "broken CSV: a quoted cell is not closed on this line");
        continue;
      }
      if (columns == null) {
        columns = header(cells, lineNumber, visitor);
        if (columns == null) {
          return;
        }
        width = cells.size();
        continue;
      }
      row++;
      if (cells.size() != width) {
        visitor.error(lineNumber, "expected " + width + " cells as in the header, found " + cells.size());
        continue;
      }
      record(cells, columns, row, lineNumber, visitor);
    }
    if (columns == null) {
      visitor.error(1, "the file is empty: expected the header platform,id,xp[,balance][,name]");
    }
  }

  /** Positions of platform, id, xp, balance, name (-1 when absent), or null after reporting the problem. */
  private static int[] header(List<String> cells, int line, Visitor visitor) {
    int[] columns = {-1, -1, -1, -1, -1};
    for (int i = 0; i < cells.size(); i++) {
      String name = cells.get(i).trim().toLowerCase(Locale.ROOT);
      int known = KNOWN.indexOf(name);
      if (known < 0 || columns[known] >= 0) {
        visitor.error(line, (known < 0 ? "unknown column '" : "column given twice: '") + Fields.shorten(name)
            + "' (expected the header platform,id,xp[,balance][,name])");
        return null;
      }
      columns[known] = i;
    }
    if (columns[0] < 0 || columns[1] < 0 || columns[2] < 0) {
      visitor.error(line, "the header must name platform, id and xp (optional: balance, name)");
      return null;
    }
    return columns;
  }

  private static void record(List<String> cells, int[] columns, int row, int line, Visitor visitor) {
    try {
      String platform = cells.get(columns[0]).trim().toLowerCase(Locale.ROOT);
      if (!platform.equals("discord") && !platform.equals("telegram")) {
        throw new Fields.Bad("unknown platform '" + Fields.shorten(platform) + "' (expected discord or telegram)");
      }
      long id = Fields.id("id", cells.get(columns[1]));
      long xp = Fields.amount("xp", cells.get(columns[2]));
      String balanceCell = columns[3] < 0 ? "" : cells.get(columns[3]);
      Long balance = balanceCell.isBlank() ? null : Fields.amount("balance", balanceCell);
      String name = columns[4] < 0 || cells.get(columns[4]).isBlank() ? null : cells.get(columns[4]).trim();
      boolean telegram = platform.equals("telegram");
      visitor.row(new Imports.Row(row, line, telegram ? id : null, telegram ? null : id, xp, balance, name,
          telegram ? name : null, null, null, telegram ? null : name, null, null, null, null));
    } catch (Fields.Bad bad) {
      visitor.error(line, bad.getMessage());
    }
  }

  /** The cells of one line; null when a quoted cell does not end on it. */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        quoted = true;
        cell.setLength(0);
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    cells.add(cell.toString());
    return cells;
  }
}
