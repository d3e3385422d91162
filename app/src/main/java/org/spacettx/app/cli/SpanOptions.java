package org.spacettx.app.cli;

import picocli.CommandLine.Option;

/** A time span: {@code --from} and {@code --to}, ISO-8601 UTC. */
public final class SpanOptions {

    @Option(names = "--from", required = true, paramLabel = "ISO", description = "Start, ISO-8601 UTC.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ISO", description = "End, ISO-8601 UTC.")
    String to;

    public Times.Span span() {
        return Times.Span.parse(from, to);
    }
}
