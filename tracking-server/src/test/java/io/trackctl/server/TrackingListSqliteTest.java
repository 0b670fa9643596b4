package io.trackctl.server;

/** The tracking list filters on SQLite. */
class TrackingListSqliteTest extends TrackingListContract {

    @Override
    TestServer startServer() {
        return TestServer.sqlite();
    }
}
