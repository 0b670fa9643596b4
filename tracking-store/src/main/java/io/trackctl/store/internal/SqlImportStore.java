package io.trackctl.store.internal;

import io.trackctl.core.model.ImportCounts;
import io.trackctl.core.model.ImportJob;
import io.trackctl.core.model.ImportRowError;
import io.trackctl.core.model.ImportStatus;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.port.ImportStore;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Import jobs with their counters and error rows. */
public final class SqlImportStore implements ImportStore {

    private final Db db;

    public SqlImportStore(Db db) {
        this.db = db;
    }

    @Override
    public ImportJob createImport(long shopId, String source, String fileName, String storedPath) {
        return db.tx(x -> {
            long id = x.insertReturningId("import.insert", db.params().put("shop_id", shopId).put("source", source)
                    .put("file_name", fileName).put("stored_path", storedPath).put("now", db.now())).orElseThrow();
            return x.get("import.find", db.params().put("id", id), Mappers::importJob).orElseThrow();
        });
    }

    @Override
    public Optional<ImportJob> findImport(long id) {
        return db.read(x -> x.get("import.find", db.params().put("id", id), Mappers::importJob));
    }

    @Override
    public void startImport(long id) {
        db.write(x -> x.dml("import.start", db.params().put("id", id).put("now", db.now())));
    }

    @Override
    public void recordProgress(long id, ImportCounts counts, Collection<ImportRowError> newErrors) {
        db.tx(x -> {
            var now = db.now();
            x.dml("import.progress", db.params().put("id", id).put("total", counts.total())
                    .put("processed", counts.processed()).put("succeeded", counts.succeeded())
                    .put("failed", counts.failed()).put("duplicate", counts.duplicate()).put("now", now));
            for (ImportRowError e : newErrors) {
                x.dml("import-error.insert", db.params().put("job_id", id).put("line_number", e.lineNumber())
                        .put("raw_line", e.rawLine()).put("reason", e.reason()).put("now", now));
            }
            return null;
        });
    }

    @Override
    public void finishImport(long id, ImportStatus status, String error) {
        db.write(x -> x.dml("import.finish", db.params().put("id", id).put("status", status).put("error", error)
                .put("now", db.now())));
    }

    @Override
    public Page<ImportRowError> importErrors(long id, PageRequest page) {
        return db.read(x -> x.page("import-error.list", "import-error.count", db.params().put("job_id", id), page,
                Mappers::rowError));
    }

    @Override
    public List<ImportJob> unfinishedImports() {
        return db.read(x -> x.query("import.unfinished", db.params(), Mappers::importJob));
    }
}
