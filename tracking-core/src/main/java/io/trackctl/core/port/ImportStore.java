package io.trackctl.core.port;

import io.trackctl.core.model.ImportCounts;
import io.trackctl.core.model.ImportJob;
import io.trackctl.core.model.ImportRowError;
import io.trackctl.core.model.ImportStatus;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage of import jobs, their progress and their error rows. */
public interface ImportStore {

    ImportJob createImport(long shopId, String source, String fileName, String storedPath);

    Optional<ImportJob> findImport(long id);

    void startImport(long id);

    /** Saves the counters and the new error rows together. */
    void recordProgress(long id, ImportCounts counts, Collection<ImportRowError> newErrors);

    void finishImport(long id, ImportStatus status, String error);

    Page<ImportRowError> importErrors(long id, PageRequest page);

    /** Jobs left pending or running (by a process that stopped). */
    List<ImportJob> unfinishedImports();
}
