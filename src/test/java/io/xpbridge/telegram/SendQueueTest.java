package io.xpbridge.telegram;

import static io.xpbridge.telegram.TelegramTestSupport.WAIT;
import static io.xpbridge.telegram.TelegramTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.xpbridge.fake.telegram.FakeTelegram;
import io.xpbridge.fake.telegram.FakeTelegram.SentMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

@ExtendWith(VertxExtension.class)
class SendQueueTest {

  static {
    TelegramTestSupport.init();
  }

  private FakeTelegram fake;
  private TelegramApiClient client;
  private Context context;

  @BeforeEach
  void setUp(Vertx vertx) {
    fake = new FakeTelegram(vertx);
    await(fake.start());
    context = vertx.getOrCreateContext();
    client = new TelegramApiClient(vertx, fake.apiUrl(), fake.token());
  }

  @AfterEach
  void tearDown() {
    client.close();
    await(fake.close());
  }

  /** Runs {@code body} on one event loop, as the verticle does, and returns what it returns. */
  private <T> T onContext(Function<Void, Future<T>> body) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> body.apply(null).onComplete(done));
    return await(done.future());
  }

  private static SendMessage text(long chatId, String text) {
    return SendMessage.builder().chatId(chatId).text(text).build();
  }

  @Test
  void messagesToOneChatAreSpacedByThePerChatInterval(Vertx vertx) {
    long interval = 150;
    onContext(v -> {
      SendQueue queue = new SendQueue(vertx, client, 1000, interval);
      List<Future<Message>> all = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        all.add(queue.submit(1, text(1, "a" + i)));
        all.add(queue.submit(2, text(2, "b" + i)));
      }
      return Future.all(all);
    });

    List<SentMessage> chat1 = fake.sentTo(1);
    assertEquals(List.of("a1", "a2", "a3", "a4"), chat1.stream().map(SentMessage::text).toList(), "order kept");
    for (int i = 1; i < chat1.size(); i++) {
      long gapMs = (chat1.get(i).atNanos() - chat1.get(i - 1).atNanos()) / 1_000_000;
      assertTrue(gapMs >= interval, "gap " + gapMs + " ms between messages to one chat");
    }
    assertTrue(fake.sentTo(2).get(0).atNanos() < chat1.get(1).atNanos(), "another chat does not wait behind chat 1");
  }

  @Test
  void overallRateIsCapped(Vertx vertx) {
    onContext(v -> {
      SendQueue queue = new SendQueue(vertx, client, 10, 0);
      List<Future<Message>> all = new ArrayList<>();
      for (long chat = 1; chat <= 10; chat++) {
        all.add(queue.submit(chat, text(chat, "hello")));
      }
      return Future.all(all);
    });

    List<SentMessage> sent = fake.sentMessages();
    long spanMs = (sent.get(9).atNanos() - sent.get(0).atNanos()) / 1_000_000;
    assertTrue(spanMs >= 800, "10 messages at 10/s took only " + spanMs + " ms");
  }

  @Test
  void rateLimitedMessageWaitsRetryAfterAndKeepsOrder(Vertx vertx) {
    fake.rateLimitNext("sendMessage", 1, 1);
    long start = System.nanoTime();
    onContext(v -> {
      SendQueue queue = new SendQueue(vertx, client, 30, 10);
      return Future.all(queue.submit(3, text(3, "first")), queue.submit(3, text(3, "second")));
    });

    List<SentMessage> sent = fake.sentTo(3);
    assertEquals(List.of("first", "second"), sent.stream().map(SentMessage::text).toList());
    assertTrue((sent.get(0).atNanos() - start) / 1_000_000 >= 1000, "waited retry_after");
  }

  @Test
  void blockedChatFailsAtOnceWithoutHoldingOthers(Vertx vertx) {
    fake.blockChat(4);
    TelegramCallException error = onContext(v -> {
      SendQueue queue = new SendQueue(vertx, client, 30, 10);
      Future<Message> blocked = queue.submit(4, text(4, "hi"));
      Future<Message> fine = queue.submit(5, text(5, "hi"));
      return fine.compose(m -> blocked.transform(ar -> Future.succeededFuture((TelegramCallException) ar.cause())));
    });

    assertEquals(TelegramCallException.Kind.FORBIDDEN, error.kind());
    assertEquals(1, fake.sentTo(5).size());
    assertEquals(1, fake.calls("sendMessage").stream().filter(c -> c.status() == 403).count(), "not retried");
  }
}
