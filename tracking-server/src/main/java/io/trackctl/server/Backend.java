package io.trackctl.server;

import io.trackctl.core.port.CarrierStore;
import io.trackctl.core.port.EventStore;
import io.trackctl.core.port.JobQueue;
import io.trackctl.core.port.OrderStore;
import io.trackctl.core.port.ShopStore;
import io.trackctl.core.port.TrackingStore;

/** The storage the server runs on: the ports its use cases need, a ping, and closing. */
public interface Backend extends AutoCloseable {

    ShopStore shops();

    CarrierStore carriers();

    OrderStore orders();

    TrackingStore tracking();

    EventStore events();

    JobQueue jobs();

    /** Throws when the database cannot be reached. */
    void ping() throws Exception;

    /** Where the data lives, for the start banner (no password). */
    String describe();

    @Override
    void close();
}
