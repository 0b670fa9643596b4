package io.trackctl.core.port;

import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.TrackingEvent;

/** Reading stored events. */
public interface EventStore {

    /** Newest first by instant. */
    Page<TrackingEvent> listEvents(long trackingId, PageRequest page);
}
