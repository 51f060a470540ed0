package io.xpbridge.fake.discord;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST routes JDA calls for a bot like ours, under {@code /api/v10}. */
final class FakeRest {
  private static final Logger log = LoggerFactory.getLogger(FakeRest.class);
  private static final String API = "/api/v10";

  private final FakeDiscord fake;

  FakeRest(FakeDiscord fake) {
    this.fake = fake;
  }

  Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    // Uploads (a /rank card) go to target/ and are read back into the recorded payload, see payload().
    router.route().handler(BodyHandler.create().setUploadsDirectory("target/fake-discord-uploads")
        .setDeleteUploadedFilesOnEnd(true));
    router.route().handler(this::record);
    router.route().handler(this::authorize);
    router.get(API + "/users/@me").handler(ctx -> json(ctx, 200, fake.botUserJson()));
    router.get(API + "/gateway").handler(ctx -> json(ctx, 200, new JsonObject().put("url", fake.gatewayUrl())));
    router.get(API + "/gateway/bot").handler(this::gatewayBot);
    router.put(API + "/applications/:app/guilds/:guild/commands").handler(this::putCommands);
    router.get(API + "/applications/:app/guilds/:guild/commands").handler(
        ctx -> json(ctx, 200, fake.registeredCommands()));
    router.post(API + "/interactions/:id/:token/callback").handler(this::interactionCallback);
    router.patch(API + "/webhooks/:app/:token/messages/@original").handler(this::editOriginal);
    router.post(API + "/webhooks/:app/:token").handler(this::followup);
    router.post(API + "/channels/:channel/messages").handler(this::createMessage);
    router.get(API + "/guilds/:guild/members/:user").handler(this::getMember);
    router.put(API + "/guilds/:guild/members/:user/roles/:role").handler(ctx -> memberRole(ctx, true));
    router.delete(API + "/guilds/:guild/members/:user/roles/:role").handler(ctx -> memberRole(ctx, false));
    router.route().handler(ctx -> {
      log.warn("Fake Discord has no route for {} {}", ctx.request().method(), ctx.request().path());
      error(ctx, 404, 0, "404: Not Found (no such route in the fake)");
    });
    return router;
  }

  private void record(RoutingContext ctx) {
    String method = ctx.request().method().name();
    String path = ctx.request().path();
    String body = ctx.body().asString();
    ctx.addBodyEndHandler(v -> fake.record(
        new RestCall(method, path, body, ctx.response().getStatusCode(), System.currentTimeMillis())));
    ctx.next();
  }

  private void authorize(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    boolean interactionWebhook = ctx.request().path().startsWith(API + "/interactions/")
        || ctx.request().path().startsWith(API + "/webhooks/");
    if (!interactionWebhook && !("Bot " + fake.token()).equals(auth)) {
      error(ctx, 401, 0, "401: Unauthorized");
      return;
    }
    ctx.next();
  }

  private void gatewayBot(RoutingContext ctx) {
    json(ctx, 200, new JsonObject()
        .put("url", fake.gatewayUrl())
        .put("shards", 1)
        .put("session_start_limit", new JsonObject()
            .put("total", 1000).put("remaining", 1000).put("reset_after", 0).put("max_concurrency", 1)));
  }

  private void putCommands(RoutingContext ctx) {
    JsonArray requested = ctx.body().asJsonArray();
    JsonArray stored = new JsonArray();
    synchronized (fake.lock) {
      for (Object o : requested) {
        JsonObject command = ((JsonObject) o).copy();
        command.put("id", FakeGuild.str(Snowflakes.next()))
            .put("application_id", FakeGuild.str(fake.applicationId()))
            .put("guild_id", FakeGuild.str(fake.guild.id))
            .put("version", FakeGuild.str(Snowflakes.next()))
            .put("type", command.getInteger("type", 1));
        if (!command.containsKey("default_member_permissions")) {
          command.putNull("default_member_permissions");
        }
        if (!command.containsKey("options")) {
          command.put("options", new JsonArray());
        }
        stored.add(command);
      }
      fake.commands = stored;
    }
    json(ctx, 200, stored);
  }

  private void interactionCallback(RoutingContext ctx) {
    JsonObject body = payload(ctx);
    boolean known = fake.onInteractionCallback(ctx.pathParam("token"), body);
    if (!known) {
      error(ctx, 404, 10062, "Unknown interaction");
      return;
    }
    ctx.response().setStatusCode(204).end();
  }

  private void editOriginal(RoutingContext ctx) {
    JsonObject body = payload(ctx);
    JsonObject message = fake.onOriginalEdited(ctx.pathParam("token"), body);
    if (message == null) {
      error(ctx, 404, 10015, "Unknown Webhook");
      return;
    }
    json(ctx, 200, message);
  }

  private void followup(RoutingContext ctx) {
    JsonObject message = fake.onFollowup(ctx.pathParam("token"), payload(ctx));
    if (message == null) {
      error(ctx, 404, 10015, "Unknown Webhook");
      return;
    }
    json(ctx, 200, message);
  }

  /** Create Message: a JSON body (content, allowed_mentions, ...), or multipart with payload_json. */
  private void createMessage(RoutingContext ctx) {
    long channelId;
    try {
      channelId = Long.parseUnsignedLong(ctx.pathParam("channel"));
    } catch (NumberFormatException e) {
      error(ctx, 404, 10003, "Unknown Channel");
      return;
    }
    long delayMs = fake.takeMessageAnswerDelay(channelId);
    FakeDiscord.CreatedMessage created = fake.createMessage(channelId, payload(ctx));
    Runnable answer = () -> {
      if (created.message() == null) {
        error(ctx, created.status(), created.errorCode(), created.error());
      } else {
        json(ctx, 200, created.message());
      }
    };
    if (delayMs > 0) {
      ctx.vertx().setTimer(delayMs, id -> answer.run());
    } else {
      answer.run();
    }
  }

  private void getMember(RoutingContext ctx) {
    JsonObject member;
    synchronized (fake.lock) {
      FakeGuild.Member m = fake.guild.members.get(Long.parseUnsignedLong(ctx.pathParam("user")));
      member = m == null ? null : fake.guild.memberJson(m);
    }
    if (member == null) {
      error(ctx, 404, 10007, "Unknown Member");
    } else {
      json(ctx, 200, member);
    }
  }

  private void memberRole(RoutingContext ctx, boolean add) {
    FakeDiscord.Failure failure = fake.takeRoleFailure();
    if (failure != null) {
      if (failure.status() == 429) {
        // JDA only treats a 429 as a bucket rate limit when a Via header is present.
        ctx.response().putHeader("Via", "1.1 google")
            .putHeader("Retry-After", Long.toString(failure.retryAfterSeconds()))
            .putHeader("X-RateLimit-Scope", "user");
        json(ctx, 429, new JsonObject().put("message", "You are being rate limited.")
            .put("retry_after", (double) failure.retryAfterSeconds()).put("global", false));
      } else {
        error(ctx, failure.status(), 0, failure.status() + ": fake server error");
      }
      return;
    }
    long userId = Long.parseUnsignedLong(ctx.pathParam("user"));
    long roleId = Long.parseUnsignedLong(ctx.pathParam("role"));
    int status = fake.changeMemberRole(userId, roleId, add, true);
    switch (status) {
      case 204 -> ctx.response().setStatusCode(204).end();
      case 403 -> error(ctx, 403, 50013, "Missing Permissions");
      case 404 -> error(ctx, 404, 10007, "Unknown Member");
      default -> error(ctx, 404, 10011, "Unknown Role");
    }
  }

  /**
   * Interaction answers come as JSON, or as multipart with a payload_json part when files are attached.
   * Attached files are kept in the payload under {@link InteractionReply#UPLOADS} (file name to base64 bytes),
   * a key Discord does not use, so a test can read back exactly what the bot uploaded.
   */
  private static JsonObject payload(RoutingContext ctx) {
    String form = ctx.request().getFormAttribute("payload_json");
    if (form != null) {
      JsonObject payload = new JsonObject(form);
      if (!ctx.fileUploads().isEmpty()) {
        JsonObject uploads = new JsonObject();
        for (io.vertx.ext.web.FileUpload upload : ctx.fileUploads()) {
          // A fake's small test files: reading them blocking keeps the handler simple.
          uploads.put(upload.fileName(), ctx.vertx().fileSystem().readFileBlocking(upload.uploadedFileName()).getBytes());
        }
        payload.put(InteractionReply.UPLOADS, uploads);
      }
      return payload;
    }
    Buffer body = ctx.body().buffer();
    return body == null || body.length() == 0 ? new JsonObject() : body.toJsonObject();
  }

  static JsonObject messageJson(FakeDiscord fake, long channelId, JsonObject data) {
    JsonArray embeds = new JsonArray();
    for (Object o : data.getJsonArray("embeds", new JsonArray())) {
      // Discord stores every bot embed as "rich"; JDA refuses to parse an embed without a type.
      embeds.add(((JsonObject) o).copy().put("type", ((JsonObject) o).getString("type", "rich")));
    }
    return new JsonObject()
        .put("id", FakeGuild.str(Snowflakes.next()))
        .put("type", 0)
        .put("channel_id", FakeGuild.str(channelId))
        .put("author", fake.botUserJson())
        .put("content", data.getString("content", ""))
        .put("embeds", embeds)
        .put("components", data.getJsonArray("components", new JsonArray()))
        .put("attachments", new JsonArray())
        .put("mentions", new JsonArray())
        .put("mention_roles", new JsonArray())
        .put("mention_everyone", false)
        .put("pinned", false)
        .put("tts", false)
        .put("timestamp", Instant.now().toString())
        .put("edited_timestamp", null)
        .put("flags", data.getInteger("flags", 0))
        .put("webhook_id", FakeGuild.str(fake.applicationId()))
        .put("application_id", FakeGuild.str(fake.applicationId()));
  }

  private static void json(RoutingContext ctx, int status, Object body) {
    String encoded = body instanceof JsonArray a ? a.encode() : ((JsonObject) body).encode();
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(encoded);
  }

  private static void error(RoutingContext ctx, int status, int code, String message) {
    json(ctx, status, new JsonObject().put("code", code).put("message", message));
  }
}
