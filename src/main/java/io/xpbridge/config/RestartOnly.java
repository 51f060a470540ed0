package io.xpbridge.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings used only at start: the database (pools are opened once), the HTTP listener, the
 * number of engine instances and the bots' logins. A live change cannot reach them, so the tree it
 * publishes keeps the running values (every verticle then sees what really runs), and the operator
 * is told which edited keys wait for a restart. The one place that knows the list: {@link #keep}
 * and {@link #changed} name the same keys.
 */
final class RestartOnly {
  private RestartOnly() {}

  /** {@code next} with the restart-only values of {@code running}. */
  static AppConfig keep(AppConfig next, AppConfig running) {
    return new AppConfig(
        running.db(),
        new HttpSettings(running.http().host(), running.http().port(), next.http().adminToken(),
            next.http().metricsToken(), next.http().botDisconnectGraceSeconds(),
            next.http().importMaxBytes()),
        next.sync().withInstances(running.sync().instances()),
        next.reconcile(),
        next.cleanup(),
        next.link(),
        next.daily(),
        next.gameRules(),
        next.telegram().withConnectionOf(running.telegram()),
        next.discord().withConnectionOf(running.discord()),
        next.economy(),
        next.seasons(),
        next.web().withEnabledOf(running.web()),
        next.logLevel());
  }

  /** The restart-only keys whose values differ (names only: some are secrets). */
  static List<String> changed(AppConfig before, AppConfig after) {
    List<String> keys = new ArrayList<>();
    differs(keys, "db", before.db(), after.db());
    differs(keys, "http.host", before.http().host(), after.http().host());
    differs(keys, "http.port", before.http().port(), after.http().port());
    differs(keys, "sync.instances", before.sync().instances(), after.sync().instances());
    differs(keys, "telegram.token", before.telegram().token(), after.telegram().token());
    differs(keys, "telegram.apiUrl", before.telegram().apiUrl(), after.telegram().apiUrl());
    differs(keys, "discord.token", before.discord().token(), after.discord().token());
    differs(keys, "discord.guildId", before.discord().guildId(), after.discord().guildId());
    differs(keys, "discord.restUrl", before.discord().restUrl(), after.discord().restUrl());
    differs(keys, "discord.gatewayUrl", before.discord().gatewayUrl(), after.discord().gatewayUrl());
    differs(keys, "discord.readyTimeoutSeconds", before.discord().readyTimeoutSeconds(),
        after.discord().readyTimeoutSeconds());
    differs(keys, "web.enabled", before.web().enabled(), after.web().enabled());
    return keys;
  }

  private static void differs(List<String> keys, String key, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      keys.add(key);
    }
  }
}
