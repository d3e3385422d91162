package org.spacettx.app.cli;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/**
 * How the server's log is written on stderr: lines of text (logback.xml), or, for a site's log collector, JSON lines
 * (one object per event: {@code timestamp} in epoch milliseconds, {@code level}, {@code loggerName},
 * {@code formattedMessage}, and {@code throwable} when there is one), by logback's own JSON encoder.
 */
enum LogFormat {
    text, json;

    /** Makes the log this format from now on (text is what logback.xml sets up). */
    void apply() {
        if (this == text || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithMDC(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithArguments(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr-json");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        root.detachAndStopAllAppenders();
        root.addAppender(stderr);
    }
}
