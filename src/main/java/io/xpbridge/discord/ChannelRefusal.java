package io.xpbridge.discord;

import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Why a post in a channel was refused for good, as both announcers tell it apart from passing
 * trouble: the bot may not write there ({@code permission} it lacks, as JDA names it; null when
 * Discord refused with {@code discordCode}), or the channel does not exist for the bot.
 */
record ChannelRefusal(boolean unknownChannel, String permission, Integer discordCode) {

  /** The refusal behind a failed post, or null for any other failure. */
  static ChannelRefusal of(Throwable cause) {
    if (cause instanceof InsufficientPermissionException missing) {
      return new ChannelRefusal(false, missing.getPermission().getName(), null);
    }
    if (cause instanceof ErrorResponseException response) {
      ErrorResponse code = response.getErrorResponse();
      if (code == ErrorResponse.MISSING_PERMISSIONS || code == ErrorResponse.MISSING_ACCESS) {
        return new ChannelRefusal(false, null, response.getErrorCode());
      }
      if (code == ErrorResponse.UNKNOWN_CHANNEL) {
        return new ChannelRefusal(true, null, response.getErrorCode());
      }
    }
    return null;
  }
}
