package io.trackctl.server;

import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.TestDatabase;

class ImportFlowPostgresTest extends ImportFlowContract {
    @Override
    TestDatabase database() {
        return PostgresTestDatabase.create();
    }
}
