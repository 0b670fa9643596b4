package io.trackctl.cli;

import io.trackctl.core.model.ImportCounts;
import io.trackctl.core.model.ImportJob;
import io.trackctl.core.model.ImportRowError;
import io.trackctl.core.model.ImportStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trackctl import FILE --shop ID}: runs a CSV import in this process through the same
 * pipeline as uploads, with progress on stderr, then a summary and the failed rows.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import tracking numbers from a CSV file into a shop.",
                "Columns: trackingNumber (required), carrier, orderId, parcelNo, shippedAt, source.",
                "Ends with exit code 5 when any row failed."})
public final class ImportCommand extends DataCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
    Path file;

    @Option(names = "--shop", required = true, paramLabel = "ID", description = "The shop the numbers belong to.")
    long shopId;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Write every failed row to this CSV file (line,reason,raw) instead of printing them.")
    Path errorsFile;

    @Option(names = "--show-errors", paramLabel = "N", defaultValue = "20",
            description = "How many failed rows to print (default ${DEFAULT-VALUE}).")
    int showErrors;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        List<ImportRowError> shown = new ArrayList<>();
        Progress progress = Progress.forStream(err(), System.console() != null);
        ImportJob job;
        try (Workspace ws = open(); ErrorSink sink = new ErrorSink(errorsFile)) {
            job = ws.engine().imports().runCsvNow(shopId, file.getFileName().toString(), file,
                    (counts, errors, created) -> {
                        for (ImportRowError e : errors) {
                            sink.write(e);
                            if (errorsFile == null && shown.size() < showErrors) {
                                shown.add(e);
                            }
                        }
                        progress.update(counts);
                    });
            progress.done(job.counts());
        }
        print(job, shown);
        if (job.status() == ImportStatus.FAILED) {
            throw new CliException(ExitCodes.FAILURE, "import " + job.id() + " failed: " + job.error(), null);
        }
        return job.counts().failed() > 0 ? ExitCodes.ROWS_FAILED : ExitCodes.OK;
    }

    private void print(ImportJob job, List<ImportRowError> shown) {
        ImportCounts c = job.counts();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("importId", job.id());
        summary.put("status", job.status().name().toLowerCase(java.util.Locale.ROOT));
        summary.put("rows", c.processed());
        summary.put("succeeded", c.succeeded());
        summary.put("duplicate", c.duplicate());
        summary.put("failed", c.failed());
        if (errorsFile != null) {
            summary.put("errorsFile", errorsFile.toString());
        }
        Printer p = printer();
        if (output.format == OutputOptions.Format.json) {
            summary.put("errors", shown.stream().map(ImportCommand::row).toList());
            p.object(summary);
            return;
        }
        p.object(summary);
        if (!shown.isEmpty()) {
            out().println();
            out().println("Failed rows" + (c.failed() > shown.size() ? " (first " + shown.size() + " of "
                    + c.failed() + "; --errors FILE writes all)" : "") + ":");
            p.list(shown.stream().map(ImportCommand::row).toList(), List.of("line", "reason", "raw"));
        }
    }

    private static Map<String, Object> row(ImportRowError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", e.lineNumber());
        m.put("reason", e.reason());
        m.put("raw", e.rawLine());
        return m;
    }

    /** The failed rows as CSV (line,reason,raw), or nowhere. */
    private static final class ErrorSink implements AutoCloseable {
        private final BufferedWriter writer;

        ErrorSink(Path file) throws IOException {
            this.writer = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            if (writer != null) {
                writer.write("line,reason,raw\n");
            }
        }

        void write(ImportRowError e) {
            if (writer == null) {
                return;
            }
            try {
                writer.write(e.lineNumber() + "," + csv(e.reason()) + "," + csv(e.rawLine()) + "\n");
            } catch (IOException x) {
                throw new UncheckedIOException("cannot write the errors file", x);
            }
        }

        private static String csv(String s) {
            return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
        }

        @Override
        public void close() throws IOException {
            if (writer != null) {
                writer.close();
            }
        }
    }
}
