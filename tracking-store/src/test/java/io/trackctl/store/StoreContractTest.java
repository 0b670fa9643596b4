package io.trackctl.store;

import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.Shop;
import io.trackctl.store.testing.MutableClock;
import io.trackctl.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of the per-port contract tests: one throwaway database and one open store per test class
 * (the subclass says which database), emptied before each test, with a clock the test moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContractTest {

    private static final String[] TABLES = {"tracking_events", "sync_jobs", "tracking_webhook_logs", "alerts",
        "import_row_errors", "import_jobs", "tracking_numbers", "parcels", "orders", "shops"};
    private static final AtomicInteger SEQ = new AtomicInteger();

    protected TestDatabase database;
    protected TrackctlStore store;
    protected final MutableClock clock = MutableClock.startingNow();

    /** The database this run of the contract uses. */
    protected abstract TestDatabase createDatabase();

    @BeforeAll
    void openStore() {
        database = createDatabase();
        store = TrackctlStore.open(database.config(), clock);
    }

    @AfterAll
    void closeStore() {
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    /** A connection of the store's pool, for assertions on raw rows. */
    protected Connection rawConnection() throws SQLException {
        return store.dataSource().getConnection();
    }

    protected Shop aShop() {
        return store.shops().create(new NewShop("shop-" + SEQ.incrementAndGet(), "shopify", null, "UTC",
                null, null, null));
    }

    protected static int unique() {
        return SEQ.incrementAndGet();
    }
}
