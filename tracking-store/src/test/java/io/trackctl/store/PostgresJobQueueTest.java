package io.trackctl.store;

import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.TestDatabase;

class PostgresJobQueueTest extends JobQueueContract {

    @Override
    protected TestDatabase createDatabase() {
        return PostgresTestDatabase.create();
    }
}
