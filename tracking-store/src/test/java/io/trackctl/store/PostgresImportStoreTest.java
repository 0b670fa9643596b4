package io.trackctl.store;

import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.TestDatabase;

class PostgresImportStoreTest extends ImportStoreContract {

    @Override
    protected TestDatabase createDatabase() {
        return PostgresTestDatabase.create();
    }
}
