package io.trackctl.core.model;

/** A row that could not be imported: its line number in the file (1-based), the raw line, why. */
public record ImportRowError(long jobId, long lineNumber, String rawLine, String reason) {
}
