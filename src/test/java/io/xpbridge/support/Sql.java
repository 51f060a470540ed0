package io.xpbridge.support;

import io.xpbridge.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for test set-up and checks: the tests read what really is in PostgreSQL. */
public final class Sql {
  private final DatabaseUrl url;

  public Sql(DatabaseUrl url) {
    this.url = url;
  }

  public long queryLong(String sql, Object... params) {
    List<Object> row = queryRow(sql, params);
    Object value = row == null ? null : row.get(0);
    return value == null ? 0 : ((Number) value).longValue();
  }

  public String queryString(String sql, Object... params) {
    List<Object> row = queryRow(sql, params);
    return row == null || row.get(0) == null ? null : row.get(0).toString();
  }

  public List<Object> queryRow(String sql, Object... params) {
    List<List<Object>> rows = query(sql, params);
    return rows.isEmpty() ? null : rows.get(0);
  }

  public List<List<Object>> query(String sql, Object... params) {
    try (Connection conn = connect(); PreparedStatement st = conn.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        List<List<Object>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= columns; c++) {
            row.add(rs.getObject(c));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public int update(String sql, Object... params) {
    try (Connection conn = connect(); PreparedStatement st = conn.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      return st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public void execute(String sql) {
    try (Connection conn = connect(); var st = conn.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
  }
}
