package io.trackctl.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.TrackingQuery;
import io.trackctl.store.testing.SqliteTestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows inserted without the store (as a binary from before migration V3 does, relying on the
 * insert trigger V3 dropped) are added to the keyword index when the store next opens.
 */
class SqliteKeywordIndexTest {

    @Test
    void rowsInsertedBehindTheStoresBackAreSearchableAfterTheNextOpen() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            long shop;
            try (TrackctlStore store = TrackctlStore.open(db.config())) {
                shop = store.shops().create(new NewShop("index", null, null, null, null, null, null)).id();
                store.tracking().createTrackingBatch(List.of(number(shop, "LX000000001CN")));
                try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                    for (int i = 2; i <= 4; i++) {
                        s.execute("INSERT INTO tracking_numbers (shop_id, number, source, created_at, updated_at) "
                                + "VALUES (" + shop + ", 'LX00000000" + i + "CN', 'api', '2026-11-01T00:00:00Z', "
                                + "'2026-11-01T00:00:00Z')");
                    }
                }
                assertThat(search(store, shop)).containsExactly("LX000000001CN");
            }

            try (TrackctlStore store = TrackctlStore.open(db.config())) {
                assertThat(search(store, shop))
                        .containsExactlyInAnyOrder("LX000000001CN", "LX000000002CN", "LX000000003CN", "LX000000004CN");
                store.tracking().createTrackingBatch(List.of(number(shop, "LX000000005CN")));
                assertThat(search(store, shop)).hasSize(5);
            }

            try (TrackctlStore store = TrackctlStore.open(db.config())) {
                // Nothing left to add: the same five, each once.
                assertThat(search(store, shop)).hasSize(5).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void aRowBetweenIndexedOnesIsOnlyFoundByTheRepair() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create(); TrackctlStore store = TrackctlStore.open(db.config())) {
            long shop = store.shops().create(new NewShop("gap", null, null, null, null, null, null)).id();
            store.tracking().createTrackingBatch(List.of(number(shop, "LX000000001CN")));
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO tracking_numbers (shop_id, number, source, created_at, updated_at) VALUES ("
                        + shop + ", 'LX000000002CN', 'api', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
            }
            store.tracking().createTrackingBatch(List.of(number(shop, "LX000000003CN")));
            assertThat(search(store, shop)).containsExactlyInAnyOrder("LX000000001CN", "LX000000003CN");

            assertThat(store.repairKeywordIndex()).isEqualTo(1);

            assertThat(search(store, shop)).containsExactlyInAnyOrder("LX000000001CN", "LX000000002CN", "LX000000003CN");
            assertThat(store.repairKeywordIndex()).isZero();
        }
        try (SqliteTestDatabase db = SqliteTestDatabase.create(); TrackctlStore store = TrackctlStore.open(db.config())) {
            assertThat(store.repairKeywordIndex()).as("an empty database").isZero();
        }
    }

    private static NewTrackingNumber number(long shop, String number) {
        return new NewTrackingNumber(shop, null, null, number, null, null, "api", null, null);
    }

    private static List<String> search(TrackctlStore store, long shop) {
        return store.tracking().listTracking(new TrackingQuery(shop, null, "00000000", null, null),
                PageRequest.of(1, 100)).items().stream().map(TrackingNumber::number).toList();
    }
}
