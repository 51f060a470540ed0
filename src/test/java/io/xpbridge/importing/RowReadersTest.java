package io.xpbridge.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xpbridge.bus.Imports;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers' shapes and their leniency, row numbers (part of the keys) and error lines. */
class RowReadersTest {

  record Read(List<Imports.Row> rows, List<String> errors) {}

  static Read read(ImportFormat format, String text) throws Exception {
    List<Imports.Row> rows = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    format.reader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new RowReader.Visitor() {
      @Override
      public void row(Imports.Row row) {
        rows.add(row);
      }

      @Override
      public void error(int line, String error) {
        errors.add(line + ": " + error);
      }
    });
    return new Read(rows, errors);
  }

  @Test
  void mee6BarePlayersArraysAreReadAndNumberedInFileOrder() throws Exception {
    Read read = read(ImportFormat.MEE6, """
        [{"id": "700000000000000001", "xp": 10, "username": "a"},
         {"id": 700000000000000002, "xp": 20},
         {"id": "700000000000000003", "xp": 1.5}]""");
    assertEquals(2, read.rows().size());
    assertEquals(List.of(1, 2), read.rows().stream().map(Imports.Row::row).toList());
    assertEquals(700000000000000002L, read.rows().get(1).discordId());
    assertEquals(1, read.errors().size());
    assertTrue(read.errors().get(0).startsWith("3: 'xp' must be a whole number"), read.errors().toString());
  }

  @Test
  void mee6IdsOutsideALongOrNotDigitsAreBadRows() throws Exception {
    Read read = read(ImportFormat.MEE6, """
        {"players": [{"id": "99999999999999999999", "xp": 1}, {"id": "12a", "xp": 1}, {"id": "0", "xp": 1},
        {"xp": 1}, 7]}""");
    assertEquals(0, read.rows().size());
    assertEquals(5, read.errors().size(), read.errors().toString());
  }

  @Test
  void polarisUsersMayStandAtTheTopLevelAsItsOwnImporterAllows() throws Exception {
    Read read = read(ImportFormat.POLARIS, """
        {"730000000000000001": {"xp": 5}, "730000000000000002": {"xp": 7, "hidden": true}}""");
    assertEquals(2, read.rows().size());
    assertEquals(Boolean.TRUE, read.rows().get(1).hidden());
    assertNull(read.rows().get(0).hidden());
    Read underXp = read(ImportFormat.POLARIS, "{\"xp\": {\"730000000000000001\": {\"xp\": 5}}}");
    assertEquals(1, underXp.rows().size());
    Read nothing = read(ImportFormat.POLARIS, "{\"settings\": {}}");
    assertEquals(1, nothing.errors().size());
  }

  @Test
  void csvColumnsMayComeInAnyOrderWithQuotedNames() throws Exception {
    Read read = read(ImportFormat.CSV, "\uFEFFName,XP,id,platform\n\"Smith, \"\"J\"\"\",5,740000001,Telegram\n");
    assertEquals(List.of(), read.errors());
    Imports.Row row = read.rows().get(0);
    assertEquals("Smith, \"J\"", row.name());
    assertEquals(740000001L, row.telegramId());
    assertNull(row.balance());
    Read badHeader = read(ImportFormat.CSV, "platform,id,points\ntelegram,1,1\n");
    assertEquals(1, badHeader.errors().size());
    assertTrue(badHeader.errors().get(0).contains("unknown column 'points'"));
  }

  @Test
  void xpbridgeLinesMustNameTheirFormatAndAnAccount() throws Exception {
    Read read = read(ImportFormat.XPBRIDGE, """
        {"format":"xpbridge.player/1","telegram":{"id":1,"chatId":1},"discord":{"id":2,"syncEnabled":false},"xp":5,"balance":1,"achievements":[{"code":"first_steps"}]}

        {"format":"other/1","telegram":{"id":3},"xp":5}
        {"format":"xpbridge.player/1","xp":5}
        not json
        """);
    assertEquals(1, read.rows().size());
    Imports.Row row = read.rows().get(0);
    assertEquals(2L, row.discordId());
    assertEquals(Boolean.FALSE, row.syncEnabled());
    assertEquals(List.of("first_steps"), row.achievements());
    assertEquals(3, read.errors().size(), read.errors().toString());
    assertTrue(read.errors().get(0).startsWith("3: "), "blank lines count as lines: " + read.errors());
  }
}
