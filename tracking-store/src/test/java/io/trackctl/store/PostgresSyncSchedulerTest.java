package io.trackctl.store;

import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.TestDatabase;

class PostgresSyncSchedulerTest extends SyncSchedulerContract {
    @Override
    protected TestDatabase createDatabase() {
        return PostgresTestDatabase.create();
    }
}
