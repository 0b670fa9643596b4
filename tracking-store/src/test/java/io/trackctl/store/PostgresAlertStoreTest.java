package io.trackctl.store;

import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.TestDatabase;

class PostgresAlertStoreTest extends AlertStoreContract {

    @Override
    protected TestDatabase createDatabase() {
        return PostgresTestDatabase.create();
    }
}
