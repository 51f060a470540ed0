package io.xpbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.Export;
import io.xpbridge.support.Await;
import io.xpbridge.support.ServiceFixture;
import io.xpbridge.support.TestConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading stops the export: with 60,000 players (about 18 MB of lines, far more than
 * the kernel's socket buffers hold) the pages asked for stop well short of the 60 needed (about 23 here), and resume
 * when the client reads again.
 */
class ExportBackpressureTest {
  static final int PLAYERS = 60_000;
  static final int PAGES = PLAYERS / Export.DEFAULT_PAGE;
  static ServiceFixture service;
  static final AtomicInteger pageRequests = new AtomicInteger();
  static final AtomicLong lastRequestNanos = new AtomicLong();

  @BeforeAll
  static void start() {
    service = ServiceFixture.start(ExportBackpressureTest.class);
    Handler<DeliveryContext<Object>> counter = delivery -> {
      if (Bus.EXPORT_PAGE.equals(delivery.message().address())) {
        pageRequests.incrementAndGet();
        lastRequestNanos.set(System.nanoTime());
      }
      delivery.next();
    };
    service.vertx.eventBus().addOutboundInterceptor(counter);
    service.sql.execute("""
        INSERT INTO players (xp, balance, display_name)
        SELECT g, g, 'a rather long display name to make the line longer ' || g FROM generate_series(1, 60000) g;
        INSERT INTO telegram_identities (telegram_id, player_id, chat_id, username, language_code)
        SELECT 900000000 + id, id, 900000000 + id, 'telegram_user_name_' || id, 'en' FROM players;
        INSERT INTO discord_identities (discord_id, player_id, username)
        SELECT 800000000000 + id, id, 'discord_user_name_' || id FROM players;
        """);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void aClientThatDoesNotReadPausesTheExportUntilItReadsAgain() throws Exception {
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("127.0.0.1", service.httpPort()));
      OutputStream out = socket.getOutputStream();
      out.write(("GET /api/v1/export HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TestConfig.ADMIN_TOKEN
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Await.until("the export stops asking for pages while the client reads nothing",
          () -> pageRequests.get() > 0 && System.nanoTime() - lastRequestNanos.get() > 1_000_000_000L);
      int paused = pageRequests.get();
      assertTrue(paused < PAGES, "paused after " + paused + " of " + PAGES + " pages");

      InputStream in = socket.getInputStream();
      String whole = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int lines = whole.split("\\{\"format\":\"" + Export.FORMAT.replace(".", "\\.") + "\"", -1).length - 1;
      assertEquals(PLAYERS, lines, "every player once the client reads");
      assertEquals(PAGES, pageRequests.get());
    }
  }
}
