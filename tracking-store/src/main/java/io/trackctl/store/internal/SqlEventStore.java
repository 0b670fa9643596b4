package io.trackctl.store.internal;

import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.TrackingEvent;
import io.trackctl.core.port.EventStore;

/** Reading a tracking number's events, newest first. */
public final class SqlEventStore implements EventStore {

    private final Db db;

    public SqlEventStore(Db db) {
        this.db = db;
    }

    @Override
    public Page<TrackingEvent> listEvents(long trackingId, PageRequest page) {
        Params p = db.params().put("tracking_id", trackingId);
        return db.read(x -> x.page("event.list", "event.count", p, page, Mappers::event));
    }
}
