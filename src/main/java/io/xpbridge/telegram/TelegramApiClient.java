package io.xpbridge.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Non-blocking Bot API client: telegrambots-meta method objects serialized with Jackson, posted
 * with the Vert.x web client, answers parsed by the method itself. Every failure is a
 * {@link TelegramCallException} so callers can tell "wait", "retry" and "give up" apart.
 */
final class TelegramApiClient {

  /** Raw answer of one call, for callers that need more than {@code deserializeResponse}. */
  record RawAnswer(int httpStatus, String body) {}

  private static final long DEFAULT_CALL_TIMEOUT_MS = 30_000;
  private static final int MAX_CONNECTIONS = 16;

  private final WebClient web;
  private final String botUrl;
  private final String token;
  private final ObjectMapper json = new ObjectMapper();

  private final Vertx vertx;

  TelegramApiClient(Vertx vertx, String apiUrl, String token) {
    this.vertx = vertx;
    // One connection is parked in the long poll; the rest carry the paced sends concurrently.
    this.web = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent("xpbridge-telegram")
        .setConnectTimeout(10_000)
        .setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
    this.botUrl = apiUrl + "/bot" + token + "/";
    this.token = token;
  }

  /** Calls {@code method} and parses the answer; fails with {@link TelegramCallException}. */
  <T extends Serializable> Future<T> execute(PartialBotApiMethod<T> method) {
    return execute(method, DEFAULT_CALL_TIMEOUT_MS);
  }

  <T extends Serializable> Future<T> execute(PartialBotApiMethod<T> method, long timeoutMs) {
    return post(method, timeoutMs).compose(answer -> parse(method, answer)).onFailure(this::countError);
  }

  /** Every failed Bot API call is counted for {@code xpbridge_bot_api_errors_total}. */
  private void countError(Throwable failure) {
    String kind = failure instanceof TelegramCallException e ? e.kind().name().toLowerCase() : "error";
    vertx.eventBus().publish(io.xpbridge.bus.Bus.METRICS_BOT_API_ERROR,
        io.xpbridge.bus.BusJson.encode(new io.xpbridge.bus.Platforms.ApiError("telegram", kind)));
  }

  /** Posts {@code method} and returns the HTTP status and body, failing only when there is no answer. */
  Future<RawAnswer> post(PartialBotApiMethod<?> method, long timeoutMs) {
    if (method instanceof SendPhoto photo && photo.getPhoto() != null && photo.getPhoto().isNew()) {
      return postPhoto(photo, timeoutMs);
    }
    if (method instanceof SendDocument document && document.getDocument() != null
        && document.getDocument().isNew()) {
      return postDocument(document, timeoutMs);
    }
    Buffer body;
    try {
      method.validate();
      body = Buffer.buffer(json.writeValueAsBytes(method));
    } catch (TelegramApiValidationException | JsonProcessingException e) {
      return Future.failedFuture(new TelegramCallException(TelegramCallException.Kind.REJECTED,
          method.getMethod(), 0, 0, "request not sent, it is invalid: " + e.getMessage(), e));
    }
    return web.postAbs(botUrl + method.getMethod())
        .timeout(timeoutMs)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(body)
        .<RawAnswer>map(response -> new RawAnswer(response.statusCode(), bodyOf(response)))
        .recover(error -> Future.failedFuture(
            TelegramCallException.transientFailure(method.getMethod(), "no answer: " + redact(error), null)));
  }

  /**
   * A photo of our own (the rank card) cannot travel as JSON: Telegram takes it as a multipart upload
   * with the other parameters as form fields. Only in-memory streams are sent (read without blocking,
   * and rewound so a retried send uploads the same bytes).
   */
  private Future<RawAnswer> postPhoto(SendPhoto photo, long timeoutMs) {
    Buffer png;
    try {
      photo.validate();
      InputStream in = photo.getPhoto().getNewMediaStream();
      if (!(in instanceof ByteArrayInputStream)) {
        throw new TelegramApiValidationException("only in-memory photos can be uploaded", photo);
      }
      in.reset();
      png = Buffer.buffer(in.readAllBytes());
    } catch (TelegramApiValidationException | IOException e) {
      return Future.failedFuture(new TelegramCallException(TelegramCallException.Kind.REJECTED,
          photo.getMethod(), 0, 0, "request not sent, it is invalid: " + e.getMessage(), e));
    }
    MultipartForm form = MultipartForm.create().attribute("chat_id", photo.getChatId());
    if (photo.getCaption() != null) {
      form.attribute("caption", photo.getCaption());
    }
    form.binaryFileUpload("photo", photo.getPhoto().getMediaName(), png, "image/png");
    return web.postAbs(botUrl + photo.getMethod())
        .timeout(timeoutMs)
        .sendMultipartForm(form)
        .<RawAnswer>map(response -> new RawAnswer(response.statusCode(), bodyOf(response)))
        .recover(error -> Future.failedFuture(
            TelegramCallException.transientFailure(photo.getMethod(), "no answer: " + redact(error), null)));
  }

  /**
   * A file of our own (a player's data export) goes like the rank card: a multipart upload, the file as
   * the part named "document". In-memory streams only, rewound so a retried send uploads the same bytes.
   */
  private Future<RawAnswer> postDocument(SendDocument document, long timeoutMs) {
    Buffer bytes;
    try {
      document.validate();
      InputStream in = document.getDocument().getNewMediaStream();
      if (!(in instanceof ByteArrayInputStream)) {
        throw new TelegramApiValidationException("only in-memory documents can be uploaded", document);
      }
      in.reset();
      bytes = Buffer.buffer(in.readAllBytes());
    } catch (TelegramApiValidationException | IOException e) {
      return Future.failedFuture(new TelegramCallException(TelegramCallException.Kind.REJECTED,
          document.getMethod(), 0, 0, "request not sent, it is invalid: " + e.getMessage(), e));
    }
    MultipartForm form = MultipartForm.create().attribute("chat_id", document.getChatId());
    if (document.getCaption() != null) {
      form.attribute("caption", document.getCaption());
    }
    form.binaryFileUpload("document", document.getDocument().getMediaName(), bytes, "application/json");
    return web.postAbs(botUrl + document.getMethod())
        .timeout(timeoutMs)
        .sendMultipartForm(form)
        .<RawAnswer>map(response -> new RawAnswer(response.statusCode(), bodyOf(response)))
        .recover(error -> Future.failedFuture(
            TelegramCallException.transientFailure(document.getMethod(), "no answer: " + redact(error), null)));
  }

  /** Turns a raw answer into the method's result or a classified failure. */
  static <T extends Serializable> Future<T> parse(PartialBotApiMethod<T> method, RawAnswer answer) {
    try {
      return Future.succeededFuture(method.deserializeResponse(answer.body()));
    } catch (TelegramApiRequestException e) {
      return Future.failedFuture(classify(method.getMethod(), answer, e));
    } catch (RuntimeException e) {
      return Future.failedFuture(TelegramCallException.transientFailure(
          method.getMethod(), "unreadable answer (HTTP " + answer.httpStatus() + ")", e));
    }
  }

  static TelegramCallException classify(String method, RawAnswer answer, TelegramApiRequestException e) {
    if (e.getErrorCode() != null && e.getErrorCode() != 0) {
      Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
      return TelegramCallException.fromErrorCode(method, e.getErrorCode(), retryAfter, e.getApiResponse());
    }
    // Not an API error object: a proxy page (502 HTML), an empty body... Fall back on HTTP status.
    int status = answer.httpStatus();
    Integer retryAfter = status == 429 ? retryAfterFromBody(answer.body()) : null;
    if (status >= 400) {
      return TelegramCallException.fromErrorCode(method, status, retryAfter, "HTTP " + status);
    }
    return TelegramCallException.transientFailure(method, "unreadable answer (HTTP " + status + "): " + e.getMessage(), e);
  }

  /** Vert.x timeout messages quote the request URI, which holds the token: keep it out of logs. */
  private String redact(Throwable error) {
    String text = String.valueOf(error);
    return token.isEmpty() ? text : text.replace(token, "<token>");
  }

  private static Integer retryAfterFromBody(String body) {
    try {
      JsonObject parameters = new JsonObject(body).getJsonObject("parameters");
      return parameters == null ? null : parameters.getInteger("retry_after");
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static String bodyOf(HttpResponse<Buffer> response) {
    Buffer buffer = response.body();
    return buffer == null ? "" : buffer.toString();
  }

  Future<Void> close() {
    web.close();
    return Future.succeededFuture();
  }
}
