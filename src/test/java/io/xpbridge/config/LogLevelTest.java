package io.xpbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.vertx.core.json.JsonObject;
import io.xpbridge.MainAccess;
import io.xpbridge.support.TestConfig;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogLevelTest {
  @Test
  void theLogLevelInConfigIsAppliedToTheRunningProcess() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Level before = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel();
    try {
      MainAccess.applyLogLevel(withLevel("WARN"));
      assertEquals(Level.WARN, context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
      MainAccess.applyLogLevel(withLevel("debug"));
      assertEquals(Level.DEBUG, context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
    } finally {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(before);
    }
  }

  private static AppConfig withLevel(String level) {
    return AppConfig.parse(TestConfig.shipped().put("log", new JsonObject().put("level", level)));
  }
}
