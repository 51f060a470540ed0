package io.xpbridge.discord;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.xpbridge.bus.Bus;
import io.xpbridge.bus.BusJson;
import io.xpbridge.bus.Platforms;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * Bridges JDA's RestActions to Vert.x futures completed on the verticle's context, and turns
 * their failures into {@link EffectFailure}s with a bus code and a text an admin can act on.
 * JDA's own rate-limit handling stays on: a 429 only delays the future.
 */
final class RestFutures {
  private RestFutures() {}

  /**
   * Creates the action (JDA checks permissions and role hierarchy right there, throwing before any
   * REST call) and submits it. {@code what} names the change for error texts, e.g.
   * "add role Sergeant (123) to member 456".
   */
  static <T> Future<T> submit(Context context, String what, Supplier<RestAction<T>> action) {
    try {
      return Future.fromCompletionStage(action.get().submit(), context)
          .recover(e -> Future.failedFuture(classify(what, e)))
          .onFailure(e -> countError(context, e));
    } catch (RuntimeException e) {
      EffectFailure failure = classify(what, e);
      countError(context, failure);
      return Future.failedFuture(failure);
    }
  }

  /** Every failed Discord call is counted for {@code xpbridge_bot_api_errors_total}. */
  private static void countError(Context context, Throwable failure) {
    String kind = failure instanceof EffectFailure f ? Integer.toString(f.code) : "error";
    context.owner().eventBus().publish(Bus.METRICS_BOT_API_ERROR, BusJson.encode(new Platforms.ApiError("discord", kind)));
  }

  static EffectFailure classify(String what, Throwable failure) {
    Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (e instanceof EffectFailure effectFailure) {
      return effectFailure;
    }
    if (e instanceof HierarchyException) {
      return new EffectFailure(403, "Cannot " + what + ": the role is not below the bot's highest role. "
          + "In Server Settings > Roles, drag the bot's role above every rank and achievement role.", e);
    }
    if (e instanceof InsufficientPermissionException missing) {
      return new EffectFailure(403, "Cannot " + what + ": the bot lacks the " + missing.getPermission().getName()
          + " permission. Grant it to the bot's role in Server Settings > Roles.", e);
    }
    if (e instanceof ErrorResponseException response) {
      return classifyResponse(what, response);
    }
    if (e instanceof RateLimitedException || e instanceof IOException || e instanceof RejectedExecutionException) {
      return new EffectFailure(503, "Cannot " + what + " right now (" + e + "); a temporary Discord problem.", e);
    }
    return new EffectFailure(503, "Cannot " + what + ": " + e, e);
  }

  private static EffectFailure classifyResponse(String what, ErrorResponseException e) {
    ErrorResponse error = e.getErrorResponse();
    if (error == ErrorResponse.UNKNOWN_MEMBER || error == ErrorResponse.UNKNOWN_USER) {
      return new EffectFailure(404, "Cannot " + what + ": the user is not a member of the guild.", e);
    }
    if (error == ErrorResponse.UNKNOWN_ROLE) {
      return new EffectFailure(400, "Cannot " + what + ": the role does not exist in the guild. "
          + "Fix the role id in the ranks/achievements config.", e);
    }
    if (error == ErrorResponse.MISSING_PERMISSIONS) {
      return new EffectFailure(403, "Cannot " + what + ": Discord says the bot is missing permissions "
          + "(Manage Roles, and its role must be above the role it assigns).", e);
    }
    int httpStatus = e.getResponse() == null ? 0 : e.getResponse().code;
    boolean networkError = e.getResponse() != null && e.getResponse().getException() != null;
    if (e.isServerError() || httpStatus >= 500 || httpStatus == 429 || networkError) {
      return new EffectFailure(503, "Cannot " + what + ": Discord answered " + e.getMessage()
          + " (a temporary Discord problem).", e);
    }
    return new EffectFailure(400, "Cannot " + what + ": Discord refused with " + e.getMeaning(), e);
  }
}
