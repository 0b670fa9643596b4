package io.trackctl.core.work;

import io.trackctl.core.model.SyncJob;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Does the work of claimed jobs of one kind. */
public interface JobHandler {

    /** How many jobs one call may take (a pull batches up to 40 numbers per 17TRACK call). */
    default int batchSize() {
        return 1;
    }

    /** Handles the jobs; returns the failures by job id. Jobs not in the map succeeded. */
    Map<Long, Throwable> handle(List<SyncJob> jobs);

    /**
     * Called once when a job of this kind failed for good, after the queue recorded it: a chance to
     * mark what the job stood for (a webhook delivery, an import) as failed too.
     */
    default void gaveUp(SyncJob job, String reason) {
    }

    /** A handler that takes jobs one at a time; an exception fails that job only. */
    static JobHandler each(Consumer<SyncJob> work) {
        return jobs -> {
            Map<Long, Throwable> failures = new java.util.HashMap<>();
            for (SyncJob job : jobs) {
                try {
                    work.accept(job);
                } catch (RuntimeException e) {
                    failures.put(job.id(), e);
                }
            }
            return failures;
        };
    }
}
