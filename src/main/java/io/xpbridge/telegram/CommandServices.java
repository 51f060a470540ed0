package io.xpbridge.telegram;

import io.xpbridge.config.TelegramSettings;
import java.time.Clock;
import java.util.function.Supplier;

/** What command handlers share; settings and bot name are suppliers because both change at run time. */
record CommandServices(
    EngineClient engine,
    Replies replies,
    PlayerDirectory players,
    SendQueue queue,
    Supplier<TelegramSettings> settings,
    Supplier<String> botUsername,
    Clock clock) {}
