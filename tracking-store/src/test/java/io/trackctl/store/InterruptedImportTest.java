package io.trackctl.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.imports.ImportPipeline;
import io.trackctl.core.imports.ImportService;
import io.trackctl.core.model.ImportCounts;
import io.trackctl.core.model.ImportJob;
import io.trackctl.core.model.ImportStatus;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.service.Caller;
import io.trackctl.core.service.NotFoundException;
import io.trackctl.core.service.ValidationException;
import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An import whose worker died mid-run ends failed with the reason once its job is claimed again. */
class InterruptedImportTest extends StoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected TestDatabase createDatabase() {
        return SqliteTestDatabase.create();
    }

    private ImportService imports() {
        return new ImportService(store.shops(), store.imports(), store.jobs(),
                new ImportPipeline(store.tracking(), store.orders(), store.carriers(), 100), created -> { }, clock);
    }

    @Test
    void aRunningImportFoundByAReclaimedJobAfterItsLeaseExpiredIsMarkedFailed() throws IOException {
        Shop shop = aShop();
        Path file = Files.writeString(dir.resolve("n.csv"), "trackingNumber\nINT0000001\nINT0000002\n");
        ImportService service = imports();
        ImportJob job = service.submitCsv(Caller.admin(), shop.id(), "n.csv", file);

        // a worker claims it, starts it, records some progress, then its process dies
        List<SyncJob> first = store.jobs().claim(Set.of(JobKind.IMPORT), 1, "dead-worker", Duration.ofMinutes(2),
                Duration.ZERO);
        assertThat(first).hasSize(1);
        store.imports().startImport(job.id());
        store.imports().recordProgress(job.id(), new ImportCounts(2, 1, 1, 0, 0), List.of());
        assertThat(store.jobs().claim(Set.of(JobKind.IMPORT), 1, "other", Duration.ofMinutes(2), Duration.ZERO))
                .as("not while the lease runs").isEmpty();

        clock.advance(Duration.ofMinutes(3));
        List<SyncJob> again = store.jobs().claim(Set.of(JobKind.IMPORT), 1, "other", Duration.ofMinutes(2),
                Duration.ZERO);
        assertThat(again).extracting(SyncJob::id).containsExactly(first.get(0).id());
        assertThat(service.handler().handle(again)).isEmpty();

        ImportJob ended = store.imports().findImport(job.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(ended.error()).contains("interrupted after 1 rows").contains("import the file again");
        assertThat(ended.finishedAt()).isNotNull();
    }

    @Test
    void aPendingImportClaimedNormallyRunsToTheEnd() throws IOException {
        Shop shop = aShop();
        Path file = Files.writeString(dir.resolve("m.csv"), "trackingNumber\nINT0000011\nbad!\n");
        ImportService service = imports();
        ImportJob job = service.submitCsv(Caller.shop(shop.id()), shop.id(), "m.csv", file);

        List<SyncJob> claimed = store.jobs().claim(Set.of(JobKind.IMPORT), 1, "w", Duration.ofMinutes(2),
                Duration.ZERO);
        service.handler().handle(claimed);

        ImportJob done = service.find(Caller.shop(shop.id()), job.id());
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(done.counts()).isEqualTo(new ImportCounts(2, 2, 1, 1, 0));
    }

    @Test
    void importsAreScopedToTheCallersShopAndNeedAnActiveShop() throws IOException {
        Shop shop = aShop();
        Shop other = aShop();
        Path file = Files.writeString(dir.resolve("s.csv"), "trackingNumber\nINT0000021\n");
        ImportService service = imports();
        ImportJob job = service.submitCsv(Caller.admin(), shop.id(), "s.csv", file);

        assertThatThrownBy(() -> service.find(Caller.shop(other.id()), job.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.submitCsv(Caller.shop(other.id()), shop.id(), "s.csv", file))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.runBatch(Caller.admin(), 987_654L, List.of()))
                .isInstanceOf(NotFoundException.class);
        store.shops().setShopStatus(other.id(), io.trackctl.core.model.ShopStatus.DISABLED);
        assertThatThrownBy(() -> service.submitCsv(Caller.admin(), other.id(), "s.csv", file))
                .isInstanceOf(ValidationException.class).hasMessageContaining("disabled");
    }
}
