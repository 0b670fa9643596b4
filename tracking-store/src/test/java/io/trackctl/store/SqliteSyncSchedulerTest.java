package io.trackctl.store;

import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;

class SqliteSyncSchedulerTest extends SyncSchedulerContract {
    @Override
    protected TestDatabase createDatabase() {
        return SqliteTestDatabase.create();
    }
}
