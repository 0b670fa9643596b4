package io.trackctl.server;

import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;

class ImportFlowSqliteTest extends ImportFlowContract {
    @Override
    TestDatabase database() {
        return SqliteTestDatabase.create();
    }
}
