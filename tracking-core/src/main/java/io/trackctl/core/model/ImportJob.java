package io.trackctl.core.model;

import java.time.Instant;

/** An import of tracking numbers from a CSV file or a JSON batch, with its progress. */
public record ImportJob(long id, long shopId, String source, String fileName, String storedPath, ImportStatus status,
                        ImportCounts counts, String error, Instant createdAt, Instant startedAt, Instant finishedAt,
                        Instant updatedAt) {
}
