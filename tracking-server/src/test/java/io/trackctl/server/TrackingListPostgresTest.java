package io.trackctl.server;

/** The tracking list filters on PostgreSQL (127.0.0.1:5432; skipped when absent unless CI=true). */
class TrackingListPostgresTest extends TrackingListContract {

    @Override
    TestServer startServer() {
        return TestServer.postgres();
    }
}
