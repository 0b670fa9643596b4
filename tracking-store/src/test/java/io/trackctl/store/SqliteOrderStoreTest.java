package io.trackctl.store;

import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;

class SqliteOrderStoreTest extends OrderStoreContract {

    @Override
    protected TestDatabase createDatabase() {
        return SqliteTestDatabase.create();
    }
}
