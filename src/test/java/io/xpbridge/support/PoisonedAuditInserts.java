package io.xpbridge.support;

/**
 * A database error for chosen events: while open, inserting an audit row whose key starts with
 * {@code keyPrefix} raises "disk on fire for KEY", as a failing disk or constraint would. Close it
 * to take the trigger away again.
 */
public final class PoisonedAuditInserts implements AutoCloseable {
  private final Sql sql;
  private final String name;

  public PoisonedAuditInserts(Sql sql, String name, String keyPrefix) {
    this.sql = sql;
    this.name = name;
    sql.execute("CREATE OR REPLACE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        + "BEGIN\n"
        + "  IF NEW.idempotency_key LIKE '" + keyPrefix + "%' THEN RAISE EXCEPTION 'disk on fire for %', NEW.idempotency_key; END IF;\n"
        + "  RETURN NEW;\n"
        + "END $$");
    sql.execute("CREATE TRIGGER " + name + " BEFORE INSERT ON transactions FOR EACH ROW EXECUTE FUNCTION " + name + "()");
  }

  @Override
  public void close() {
    sql.execute("DROP TRIGGER " + name + " ON transactions");
  }
}
