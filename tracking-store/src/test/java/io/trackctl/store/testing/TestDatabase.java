package io.trackctl.store.testing;

import io.trackctl.store.StoreConfig;

/** A throwaway database for one test class: its store config, and removal afterwards. */
public interface TestDatabase extends AutoCloseable {

    StoreConfig config();

    /** A JDBC URL for the same database whose lock waits give up after about {@code millis}. */
    String impatientUrl(int millis);

    @Override
    void close();
}
