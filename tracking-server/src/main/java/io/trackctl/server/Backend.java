package io.trackctl.server;

import io.trackctl.core.port.AlertStore;
import io.trackctl.core.port.CarrierStore;
import io.trackctl.core.port.EventStore;
import io.trackctl.core.port.ImportStore;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.OrderStore;
import io.trackctl.core.port.ShopStore;
import io.trackctl.core.port.SnapshotStore;
import io.trackctl.core.port.TrackingStore;
import io.trackctl.core.port.WebhookLog;

/** The storage the server runs on: every storage port, a ping, and closing. */
public interface Backend extends AutoCloseable {

    ShopStore shops();

    CarrierStore carriers();

    OrderStore orders();

    TrackingStore tracking();

    EventStore events();

    JobQueue jobs();

    SnapshotStore snapshots();

    /** The job queue on Redis Streams with job state kept in this backend's database. */
    default JobQueue jobsOnRedis(io.trackctl.store.redis.RedisConnection redis,
                                 io.trackctl.store.redis.RedisStreamJobQueue.Options options) {
        throw new IllegalArgumentException("the Redis job queue needs the database store as its backend");
    }

    ImportStore imports();

    WebhookLog webhooks();

    AlertStore alerts();

    /** Throws when the database cannot be reached. */
    void ping() throws Exception;

    /** Where the data lives, for the start banner (no password). */
    String describe();

    @Override
    void close();
}
