package io.trackctl.server.resource;

import io.trackctl.core.model.ImportCounts;
import io.trackctl.core.model.ImportJob;
import io.trackctl.core.model.ImportRowError;
import io.trackctl.core.model.Page;
import java.time.Instant;
import java.util.Locale;

/** The JSON shapes of imports: the job with its counts and progress, and its rows in error. */
final class ImportViews {

    private ImportViews() {
    }

    record CountsView(long total, long processed, long succeeded, long failed, long duplicate) {
        static CountsView of(ImportCounts c) {
            return new CountsView(c.total(), c.processed(), c.succeeded(), c.failed(), c.duplicate());
        }
    }

    /** One row that was not imported: its line (the item's position for a batch), the raw text, why. */
    record ErrorView(long lineNumber, String rawLine, String reason) {
        static ErrorView of(ImportRowError e) {
            return new ErrorView(e.lineNumber(), e.rawLine(), e.reason());
        }
    }

    /** An import; {@code progress} is the percentage of rows processed (100 once finished). */
    record ImportView(long id, long shopId, String source, String fileName, String status, CountsView counts,
                      double progress, String error, Instant createdAt, Instant startedAt, Instant finishedAt,
                      Instant updatedAt, Views.PageView<ErrorView> errors) {
        static ImportView of(ImportJob j, Page<ImportRowError> errors) {
            return new ImportView(j.id(), j.shopId(), j.source(), j.fileName(), ImportViews.status(j), CountsView.of(j.counts()),
                    ImportViews.progress(j), j.error(), j.createdAt(), j.startedAt(), j.finishedAt(), j.updatedAt(),
                    errors == null ? null : Views.PageView.of(errors, ErrorView::of));
        }
    }

    /** The answer to a batch create: the import it ran as, with its counts and first rows in error. */
    record BatchView(long importId, String status, CountsView counts, Views.PageView<ErrorView> errors) {
        static BatchView of(ImportJob j, Page<ImportRowError> errors) {
            return new BatchView(j.id(), ImportViews.status(j), CountsView.of(j.counts()), Views.PageView.of(errors, ErrorView::of));
        }
    }

    static String status(ImportJob j) {
        return j.status().name().toLowerCase(Locale.ROOT);
    }

    static double progress(ImportJob j) {
        if (j.status().finished()) {
            return 100.0;
        }
        long total = j.counts().total();
        if (total <= 0) {
            return 0.0;
        }
        return Math.min(100.0, Math.floor(1000.0 * j.counts().processed() / total) / 10.0);
    }
}
