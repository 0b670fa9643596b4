package io.trackctl.server.webhook;

import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;

/** The webhook suite on SQLite with the Redis Streams queue and the Redis dedupe layer. */
class SqliteRedisWebhookTest extends WebhookSuite {

    @Override
    TestDatabase newDatabase() {
        return SqliteTestDatabase.create();
    }

    @Override
    boolean onRedis() {
        return true;
    }
}
