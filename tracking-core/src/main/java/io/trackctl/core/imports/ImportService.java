package io.trackctl.core.imports;

import io.trackctl.core.model.ImportCounts;
import io.trackctl.core.model.ImportJob;
import io.trackctl.core.model.ImportRowError;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.ImportStatus;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.JobTrigger;
import io.trackctl.core.model.NewJob;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.port.ImportStore;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.ShopStore;
import io.trackctl.core.service.Caller;
import io.trackctl.core.service.NotFoundException;
import io.trackctl.core.service.ValidationException;
import io.trackctl.core.work.JobHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Imports of tracking numbers: a CSV file handed over and run by a worker (or at once, for the
 * command line), or a JSON batch run inline. Every path goes through {@link ImportPipeline}, and
 * every import ends in a definite state: an import found half-run after its process died is marked
 * failed with the reason instead of being left running.
 */
public final class ImportService {

    /** How long each finished batch extends the lease of the import's job. */
    static final java.time.Duration LEASE_EXTENSION = java.time.Duration.ofMinutes(2);

    private static final System.Logger LOG = System.getLogger(ImportService.class.getName());

    private final ShopStore shops;
    private final ImportStore imports;
    private final JobQueue queue;
    private final ImportPipeline pipeline;
    private final Consumer<List<Long>> onCreated;
    private final Clock clock;

    /** @param onCreated told the ids of each batch of newly stored numbers (registration with 17TRACK) */
    public ImportService(ShopStore shops, ImportStore imports, JobQueue queue, ImportPipeline pipeline,
                         Consumer<List<Long>> onCreated, Clock clock) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.imports = Objects.requireNonNull(imports, "imports");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.onCreated = Objects.requireNonNull(onCreated, "onCreated");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates the import of a stored CSV file and queues it, as an administrator; returns at once. */
    public ImportJob submitCsv(long shopId, String fileName, Path storedFile) {
        return submitCsv(Caller.admin(), shopId, fileName, storedFile);
    }

    /**
     * Creates the import of a stored CSV file and queues it; returns at once. The shop must be one
     * the caller may see ({@link NotFoundException} otherwise) and active ({@link ValidationException}).
     */
    public ImportJob submitCsv(Caller caller, long shopId, String fileName, Path storedFile) {
        activeShop(caller, shopId);
        ImportJob job = imports.createImport(shopId, "csv", fileName, storedFile.toString());
        queue.enqueue(List.of(new NewJob(JobKind.IMPORT, JobTrigger.IMPORT, null, job.id(), 1, clock.instant())));
        queue.signal();
        return job;
    }

    /** Runs a CSV import now, in the calling thread (the command line's way). */
    public ImportJob runCsvNow(long shopId, String fileName, Path file, ImportPipeline.Listener progress) {
        activeShop(Caller.admin(), shopId);
        ImportJob job = imports.createImport(shopId, "csv", fileName, file.toString());
        run(job, progress);
        return imports.findImport(job.id()).orElseThrow();
    }

    /** Runs a JSON batch inline as an administrator. */
    public ImportJob runBatch(long shopId, List<ImportRow> rows) {
        return runBatch(Caller.admin(), shopId, rows);
    }

    /** Runs a JSON batch inline; each item is a row whose line number is its 1-based position. */
    public ImportJob runBatch(Caller caller, long shopId, List<ImportRow> rows) {
        activeShop(caller, shopId);
        ImportJob job = imports.createImport(shopId, "batch", null, null);
        imports.startImport(job.id());
        ImportCounts counts = pipeline.run(job.id(), shopId, "api", rows.iterator(), recorder(job.id(), rows.size()));
        finish(job.id(), counts);
        return imports.findImport(job.id()).orElseThrow();
    }

    /** An import the caller may see; another shop's import reads as missing. */
    public ImportJob find(Caller caller, long importId) {
        return imports.findImport(importId)
                .filter(j -> caller.canSee(j.shopId()))
                .orElseThrow(() -> new NotFoundException("import", importId));
    }

    /** The rows in error of an import the caller may see, in line order. */
    public Page<ImportRowError> errors(Caller caller, long importId, PageRequest page) {
        return imports.importErrors(find(caller, importId).id(), page);
    }

    /**
     * The worker side: runs queued IMPORT jobs. The stored upload belongs to its import and is
     * deleted once the import has ended, whichever way.
     */
    public JobHandler handler() {
        return JobHandler.each(this::runQueued);
    }

    private void runQueued(SyncJob job) {
        ImportJob imp = imports.findImport(job.refId())
                .orElseThrow(() -> new NotFoundException("import", job.refId()));
        try {
            runOrEnd(imp, job);
        } finally {
            if (imp.storedPath() != null && imports.findImport(imp.id()).map(j -> j.status().finished()).orElse(true)) {
                deleteUpload(Path.of(imp.storedPath()));
            }
        }
    }

    private static void deleteUpload(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete the imported upload {0}: {1}", file, e.getMessage());
        }
    }

    private void runOrEnd(ImportJob imp, SyncJob job) {
        if (imp.status().finished()) {
            return;
        }
        if (imp.status() == ImportStatus.RUNNING) {
            String reason = "interrupted after " + imp.counts().processed() + " rows when the process running it "
                    + "stopped; rows stored before that are kept; import the file again to finish (stored rows "
                    + "then count as duplicates)";
            imports.finishImport(imp.id(), ImportStatus.FAILED, reason);
            LOG.log(System.Logger.Level.WARNING, "import {0} {1}", imp.id(), reason);
            return;
        }
        // A long import keeps its job's lease alive batch by batch, so no other worker takes it over
        // (and marks it interrupted) while it is still running here.
        run(imp, (c, e, n) -> {
            if (!queue.extendLease(job, LEASE_EXTENSION)) {
                throw new IllegalStateException("the import's job was claimed by another worker; stopping here");
            }
        });
    }

    private void run(ImportJob job, ImportPipeline.Listener extra) {
        imports.startImport(job.id());
        Path file = Path.of(job.storedPath());
        long estimate = estimateRows(file);
        try (InputStream in = Files.newInputStream(file); CsvRows rows = CsvRows.open(in)) {
            ImportPipeline.Listener record = recorder(job.id(), estimate);
            ImportCounts counts = pipeline.run(job.id(), job.shopId(), "csv", rows, (c, errors, created) -> {
                record.batchDone(c, errors, created);
                extra.batchDone(c.withTotal(estimate), errors, created);
            });
            finish(job.id(), counts);
            LOG.log(System.Logger.Level.INFO, "import {0} finished: {1}", job.id(), counts);
        } catch (ImportFileException e) {
            imports.finishImport(job.id(), ImportStatus.FAILED, e.getMessage());
        } catch (IOException e) {
            imports.finishImport(job.id(), ImportStatus.FAILED, "the uploaded file cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            imports.finishImport(job.id(), ImportStatus.FAILED, "stopped by an error: " + e.getMessage());
            throw e;
        }
    }

    private ImportPipeline.Listener recorder(long importId, long estimate) {
        return (counts, errors, created) -> {
            imports.recordProgress(importId, counts.withTotal(estimate), errors);
            if (!created.isEmpty()) {
                onCreated.accept(created);
            }
        };
    }

    private void finish(long importId, ImportCounts counts) {
        imports.recordProgress(importId, counts.withTotal(counts.processed()), List.of());
        imports.finishImport(importId, counts.failed() > 0 ? ImportStatus.COMPLETED_WITH_ERRORS : ImportStatus.COMPLETED,
                null);
    }

    private Shop activeShop(Caller caller, long shopId) {
        Shop shop = shops.findShop(shopId)
                .filter(s -> caller.canSee(s.id()))
                .orElseThrow(() -> new NotFoundException("shop", shopId));
        if (!shop.active()) {
            throw ValidationException.of("shopId", "shop is disabled and takes no new tracking numbers");
        }
        return shop;
    }

    /** Lines in the file minus the header: an upper bound of the rows, for progress while running. */
    static long estimateRows(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long lines = 0;
            int last = '\n';
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                last = buf[n - 1];
            }
            if (last != '\n') {
                lines++;
            }
            return Math.max(0, lines - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
