package io.trackctl.store;

import io.trackctl.core.model.ImportCounts;
import io.trackctl.core.model.ImportJob;
import io.trackctl.core.model.ImportRowError;
import io.trackctl.core.model.ImportStatus;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.port.ImportStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@link ImportStore} contract. */
public abstract class ImportStoreContract extends StoreContractTest {

    @Test
    void anImportGoesFromPendingThroughRunningToFinishedWithItsCountersAndErrors() {
        long shop = aShop().id();
        ImportJob job = store.imports().createImport(shop, "csv", "numbers.csv", "/data/uploads/1.csv");
        assertThat(job.status()).isEqualTo(ImportStatus.PENDING);
        assertThat(job.counts()).isEqualTo(ImportCounts.ZERO);

        store.imports().startImport(job.id());
        ImportCounts c1 = ImportCounts.ZERO.plus(3, 1, 0);
        store.imports().recordProgress(job.id(), c1, List.of(new ImportRowError(job.id(), 4, "x,,", "number missing")));
        ImportCounts c2 = c1.plus(1, 2, 1);
        store.imports().recordProgress(job.id(), c2, List.of(
                new ImportRowError(job.id(), 2, "y,,", "too short"),
                new ImportRowError(job.id(), 9, "z,,", "bad carrier")));
        ImportJob running = store.imports().findImport(job.id()).orElseThrow();
        store.imports().finishImport(job.id(), ImportStatus.COMPLETED_WITH_ERRORS, null);

        ImportJob done = store.imports().findImport(job.id()).orElseThrow();
        assertThat(running.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(running.startedAt()).isNotNull();
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(done.counts()).isEqualTo(c2);
        assertThat(done.finishedAt()).isNotNull();
        assertThat(done.fileName()).isEqualTo("numbers.csv");
        Page<ImportRowError> errors = store.imports().importErrors(job.id(), PageRequest.of(1, 2));
        assertThat(errors.total()).isEqualTo(3);
        assertThat(errors.items()).extracting(ImportRowError::lineNumber).containsExactly(2L, 4L);
        assertThat(store.imports().importErrors(job.id(), PageRequest.of(2, 2)).items())
                .containsExactly(new ImportRowError(job.id(), 9, "z,,", "bad carrier"));
    }

    @Test
    void unfinishedImportsAreThoseLeftPendingOrRunning() {
        long shop = aShop().id();
        ImportJob pending = store.imports().createImport(shop, "csv", "a.csv", null);
        ImportJob running = store.imports().createImport(shop, "json", null, null);
        ImportJob failed = store.imports().createImport(shop, "csv", "c.csv", null);
        store.imports().startImport(running.id());
        store.imports().startImport(failed.id());
        store.imports().finishImport(failed.id(), ImportStatus.FAILED, "file unreadable");

        assertThat(store.imports().unfinishedImports()).extracting(ImportJob::id)
                .containsExactly(pending.id(), running.id());
        assertThat(store.imports().findImport(failed.id()).orElseThrow().error()).isEqualTo("file unreadable");
        assertThat(store.imports().findImport(failed.id() + 100)).isEmpty();
    }
}
