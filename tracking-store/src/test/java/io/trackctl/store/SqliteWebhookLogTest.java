package io.trackctl.store;

import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;

import java.sql.Connection;

class SqliteWebhookLogTest extends WebhookLogContract {

    @Override
    protected TestDatabase createDatabase() {
        return SqliteTestDatabase.create();
    }

    @Override
    protected AutoCloseable holdWriteLock(Connection c) throws Exception {
        return sqliteWriteLock(c);
    }
}
