package io.xpbridge.importing;

import io.xpbridge.bus.Imports;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one file format row by row, streaming: a row is handed on as soon as it is read, so a file
 * is never held whole in memory. A reader numbers every row it finds (valid or not) from 1, in file
 * order: the number is part of the row's key, so the same file always gives the same keys.
 */
interface RowReader {

  /** Receives rows and the problems of rows (or of the file, at the line where reading stopped). */
  interface Visitor {
    void row(Imports.Row row);

    void error(int line, String error);
  }

  void read(InputStream in, Visitor visitor) throws IOException;
}
