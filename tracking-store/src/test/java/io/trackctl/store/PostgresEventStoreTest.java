package io.trackctl.store;

import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.TestDatabase;

class PostgresEventStoreTest extends EventStoreContract {

    @Override
    protected TestDatabase createDatabase() {
        return PostgresTestDatabase.create();
    }
}
