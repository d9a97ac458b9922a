package dev.troubleticket.reliability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A logback appender (configured for the whole suite in {@code logback-test.xml}, every SDK logger at
 * DEBUG) that keeps every line written, message and stack trace, so that the suite can search them for
 * the secrets it configured.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> {
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(thrown));
        }
        LINES.add(line.toString());
    }

    /** Every line captured so far. */
    static List<String> lines() {
        return List.copyOf(LINES);
    }
}
