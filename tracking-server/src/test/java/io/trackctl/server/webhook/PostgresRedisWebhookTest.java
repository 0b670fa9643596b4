package io.trackctl.server.webhook;

import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.TestDatabase;

/** The webhook suite on PostgreSQL with the Redis Streams queue and the Redis dedupe layer (the scale-out setup). */
class PostgresRedisWebhookTest extends WebhookSuite {

    @Override
    TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }

    @Override
    boolean onRedis() {
        return true;
    }
}
