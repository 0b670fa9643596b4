package io.trackctl.server.webhook;

import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;

/** The webhook suite on SQLite with the database queue (the embedded default). */
class SqliteWebhookTest extends WebhookSuite {

    @Override
    TestDatabase newDatabase() {
        return SqliteTestDatabase.create();
    }

    @Override
    boolean onRedis() {
        return false;
    }
}
