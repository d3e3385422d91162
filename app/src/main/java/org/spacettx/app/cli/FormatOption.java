package org.spacettx.app.cli;

import picocli.CommandLine.Option;

/** The {@code --format} option every command has. */
public final class FormatOption {

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|csv|json",
            converter = FormatConverter.class, description = "Output format (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
