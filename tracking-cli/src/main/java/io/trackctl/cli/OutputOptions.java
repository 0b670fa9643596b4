package io.trackctl.cli;

import picocli.CommandLine.Option;

/** How a command prints: {@code --format table|json|csv} and {@code --verbose}. */
public final class OutputOptions {

    /** The output formats. */
    public enum Format { table, json, csv }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; csv for lists).")
    Format format = Format.table;

    @Option(names = {"-v", "--verbose"}, description = "Also print where the data lives and other details on stderr.")
    boolean verbose;
}
