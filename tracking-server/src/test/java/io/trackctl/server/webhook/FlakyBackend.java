package io.trackctl.server.webhook;

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
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.server.Backend;
import io.trackctl.store.redis.RedisConnection;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend whose snapshot store fails, as a busy database would, for chosen tracking numbers: a
 * number of times, or always. Everything else goes to the real store untouched.
 */
final class FlakyBackend implements Backend {

    private static final int ALWAYS = -1;

    private final Backend real;
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final SnapshotStore snapshots;

    FlakyBackend(Backend real) {
        this.real = real;
        SnapshotStore store = real.snapshots();
        this.snapshots = new SnapshotStore() {
            @Override
            public Applied applySnapshot(long trackingId, Snapshot snapshot, Instant syncedAt) {
                failIfDue(snapshot.number());
                return store.applySnapshot(trackingId, snapshot, syncedAt);
            }

            @Override
            public void markStopped(long trackingId, Instant at) {
                store.markStopped(trackingId, at);
            }
        };
    }

    /** Applying a snapshot of {@code number} fails the next {@code times} times. */
    void failTimes(String number, int times) {
        failuresLeft.put(number, new AtomicInteger(times));
    }

    /** Applying a snapshot of {@code number} always fails. */
    void failAlways(String number) {
        failuresLeft.put(number, new AtomicInteger(ALWAYS));
    }

    private void failIfDue(String number) {
        AtomicInteger left = failuresLeft.get(number);
        if (left == null) {
            return;
        }
        int before = left.getAndUpdate(n -> n > 0 ? n - 1 : n);
        if (before != 0) {
            throw new TransientFailureException("injected failure applying " + number);
        }
    }

    @Override
    public ShopStore shops() {
        return real.shops();
    }

    @Override
    public CarrierStore carriers() {
        return real.carriers();
    }

    @Override
    public OrderStore orders() {
        return real.orders();
    }

    @Override
    public TrackingStore tracking() {
        return real.tracking();
    }

    @Override
    public EventStore events() {
        return real.events();
    }

    @Override
    public JobQueue jobs() {
        return real.jobs();
    }

    @Override
    public JobQueue jobsOnRedis(RedisConnection redis, io.trackctl.store.redis.RedisStreamJobQueue.Options options) {
        return real.jobsOnRedis(redis, options);
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    @Override
    public ImportStore imports() {
        return real.imports();
    }

    @Override
    public WebhookLog webhooks() {
        return real.webhooks();
    }

    @Override
    public AlertStore alerts() {
        return real.alerts();
    }

    @Override
    public void ping() throws Exception {
        real.ping();
    }

    @Override
    public String describe() {
        return real.describe();
    }

    @Override
    public void close() {
        real.close();
    }
}
