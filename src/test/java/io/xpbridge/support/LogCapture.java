package io.xpbridge.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * What chosen classes log while a test runs: for behaviour the service reports only in its log,
 * such as a config change it rejected (nothing else happens then, by design).
 */
public final class LogCapture implements AutoCloseable {
  private final List<Logger> loggers = new ArrayList<>();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      lines.add(event.getFormattedMessage());
    }
  };

  private LogCapture() {}

  public static LogCapture of(Class<?>... sources) {
    LogCapture capture = new LogCapture();
    capture.appender.start();
    for (Class<?> source : sources) {
      Logger logger = (Logger) LoggerFactory.getLogger(source);
      logger.addAppender(capture.appender);
      capture.loggers.add(logger);
    }
    return capture;
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public List<String> linesContaining(String fragment) {
    return lines.stream().filter(line -> line.contains(fragment)).toList();
  }

  @Override
  public void close() {
    loggers.forEach(logger -> logger.detachAppender(appender));
    appender.stop();
  }
}
