package io.trackctl.store;

import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.TestDatabase;

import java.sql.Connection;

class PostgresWebhookLogTest extends WebhookLogContract {

    @Override
    protected TestDatabase createDatabase() {
        return PostgresTestDatabase.create();
    }

    @Override
    protected AutoCloseable holdWriteLock(Connection c) throws Exception {
        return postgresWriteLock(c);
    }
}
