package io.trackctl.server.webhook;

import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.TestDatabase;

/** The webhook suite on PostgreSQL with the database queue. */
class PostgresWebhookTest extends WebhookSuite {

    @Override
    TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }

    @Override
    boolean onRedis() {
        return false;
    }
}
