package io.trackctl.cli;

import io.trackctl.core.model.ImportCounts;
import java.io.PrintWriter;

/** Import progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise. */
abstract class Progress {

    static Progress forStream(PrintWriter err, boolean terminal) {
        return terminal ? new Bar(err) : new Lines(err, 2_000);
    }

    abstract void update(ImportCounts counts);

    abstract void done(ImportCounts counts);

    static String counts(ImportCounts c) {
        return c.processed() + "/" + c.total() + " rows, " + c.succeeded() + " new, " + c.duplicate() + " duplicate, "
                + c.failed() + " failed";
    }

    /** {@code [#####.....]  52%  52000/100000 rows ...}, redrawn in place. */
    private static final class Bar extends Progress {
        private static final int WIDTH = 30;
        private final PrintWriter err;

        Bar(PrintWriter err) {
            this.err = err;
        }

        @Override
        void update(ImportCounts c) {
            int pct = c.total() == 0 ? 100 : (int) Math.min(100, c.processed() * 100 / c.total());
            int filled = pct * WIDTH / 100;
            err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%", pct)
                    + "  " + counts(c));
            err.flush();
        }

        @Override
        void done(ImportCounts c) {
            update(c);
            err.println();
            err.flush();
        }
    }

    /** One line at most every {@code everyMillis}, and one at the end. */
    private static final class Lines extends Progress {
        private final PrintWriter err;
        private final long everyNanos;
        private long last = System.nanoTime();

        Lines(PrintWriter err, long everyMillis) {
            this.err = err;
            this.everyNanos = everyMillis * 1_000_000L;
        }

        @Override
        void update(ImportCounts c) {
            long now = System.nanoTime();
            if (now - last >= everyNanos) {
                last = now;
                err.println("imported " + counts(c));
                err.flush();
            }
        }

        @Override
        void done(ImportCounts c) {
            err.println("done: " + counts(c));
            err.flush();
        }
    }
}
