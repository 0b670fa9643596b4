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
import io.trackctl.store.StoreConfig;
import io.trackctl.store.StoreHealth;
import io.trackctl.store.TrackctlStore;

/** The server's backend on {@link TrackctlStore} (SQLite or PostgreSQL). */
public final class StoreBackend implements Backend {

    private final TrackctlStore store;
    private final String description;
    private final ShopStore shops;
    private final CarrierStore carriers;
    private final OrderStore orders;
    private final TrackingStore tracking;
    private final EventStore events;

    private StoreBackend(TrackctlStore store, String description) {
        this.store = store;
        this.description = description;
        this.shops = store.shops();
        this.carriers = store.carriers();
        this.orders = store.orders();
        this.tracking = store.tracking();
        this.events = store.events();
    }

    /** Opens (and migrates) the database the settings name. */
    public static StoreBackend open(ServerSettings settings) {
        return open(StoreConfig.of(settings.db()), settings.dbForDisplay());
    }

    public static StoreBackend open(StoreConfig config, String description) {
        return new StoreBackend(TrackctlStore.open(config), description);
    }

    /** The store itself, for routes that need ports beyond the ones listed here. */
    public TrackctlStore store() {
        return store;
    }

    @Override
    public ShopStore shops() {
        return shops;
    }

    @Override
    public CarrierStore carriers() {
        return carriers;
    }

    @Override
    public OrderStore orders() {
        return orders;
    }

    @Override
    public TrackingStore tracking() {
        return tracking;
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public JobQueue jobs() {
        return store.jobs();
    }

    @Override
    public JobQueue jobsOnRedis(io.trackctl.store.redis.RedisConnection redis,
                                io.trackctl.store.redis.RedisStreamJobQueue.Options options) {
        return store.jobQueueOnRedis(redis, options);
    }

    @Override
    public SnapshotStore snapshots() {
        return store.snapshots();
    }

    @Override
    public ImportStore imports() {
        return store.imports();
    }

    @Override
    public WebhookLog webhooks() {
        return store.webhooks();
    }

    @Override
    public AlertStore alerts() {
        return store.alerts();
    }

    @Override
    public void ping() {
        StoreHealth h = store.health();
        if (!h.up()) {
            throw new IllegalStateException("database is unreachable");
        }
    }

    @Override
    public String describe() {
        return store.dialectName() + " " + description;
    }

    @Override
    public void close() {
        store.close();
    }
}
