package io.trackctl.core.model;

/** Progress counters of an import: processed = succeeded + failed + duplicate. */
public record ImportCounts(long total, long processed, long succeeded, long failed, long duplicate) {

    public static final ImportCounts ZERO = new ImportCounts(0, 0, 0, 0, 0);

    /** The same counts with another total (an estimate while running, the rows seen at the end). */
    public ImportCounts withTotal(long newTotal) {
        return new ImportCounts(Math.max(newTotal, processed), processed, succeeded, failed, duplicate);
    }

    public ImportCounts plus(long succeeded, long failed, long duplicate) {
        long n = succeeded + failed + duplicate;
        return new ImportCounts(Math.max(total, processed + n), processed + n, this.succeeded + succeeded,
                this.failed + failed, this.duplicate + duplicate);
    }
}
