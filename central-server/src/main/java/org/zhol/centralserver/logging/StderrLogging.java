// SPDX-License-Identifier: MIT
package org.zhol.centralserver.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Logback's configuration for the central server, found by logback as a service
 * ({@code META-INF/services/ch.qos.logback.classic.spi.Configurator}): one console appender on stderr
 * writing {@code HH:mm:ss.SSS LEVEL logger - message} (the logger name shortened to about 24
 * characters, then the stack trace, if any), root at INFO, Flyway, HikariCP and Netty at WARN.
 *
 * <p>When the system property {@code logback.configurationFile} names a file, this steps aside and
 * logback reads that file as usual.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class StderrLogging extends ContextAwareBase implements Configurator {

    /** Libraries that log too much at INFO. */
    static final List<String> QUIET = List.of("org.flywaydb", "com.zaxxer.hikari", "io.netty");

    /** Logback instantiates this through the service loader. */
    public StderrLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // Deviation: a system property read outside Main; it is logback's own documented switch.
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Line line = new Line();
        line.setContext(context);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(line);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** One log line, as the pattern {@code %d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n%ex} would write it. */
    static final class Line extends LayoutBase<ILoggingEvent> {

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                .withZone(ZoneId.systemDefault());
        private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(24);

        @Override
        public String doLayout(ILoggingEvent event) {
            StringBuilder out = new StringBuilder(128);
            TIME.formatTo(event.getInstant(), out);
            String level = event.getLevel().toString();
            out.append(' ').append(level).append(" ".repeat(Math.max(0, 5 - level.length()))).append(' ')
                    .append(abbreviator.abbreviate(event.getLoggerName())).append(" - ")
                    .append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                out.append(ThrowableProxyUtil.asString(thrown)).append(CoreConstants.LINE_SEPARATOR);
            }
            return out.toString();
        }
    }
}
