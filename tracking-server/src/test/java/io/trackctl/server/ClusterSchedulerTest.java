package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.client.simulator.Simulator;
import io.trackctl.client.simulator.SimulatorConfig;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.TestDatabase;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Two servers on one PostgreSQL database: one schedules pulls at a time, the other takes over. */
class ClusterSchedulerTest {

    @Test
    void onlyTheInstanceHoldingTheAdvisoryLockSchedulesAndAnotherTakesOverWhenItStops() {
        PostgresTestDatabase db = PostgresTestDatabase.create();
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withPort(0).withRateLimit(0))) {
            UnaryOperator<ServerSettings> with17track = s -> new ServerSettings(s.port(), s.dataDir(), s.db(), null,
                    sim.apiKey(), sim.baseUri(), List.of(), s.jwtSecret(), null, s.maxBodyBytes(), s.shutdownGrace());
            TestServer second = TestServer.start(db, with17track);
            TestServer first = TestServer.start(notDropping(db), with17track);
            boolean firstOpen = true;
            try {
                long shop = first.createShop("Cluster", "shopify");
                create(first, shop, "LX000000601US", "LX000000602US", "LX000000603US");

                assertThat(first.server().engine().scheduler().runOnce()).isEqualTo(3);
                assertThat(second.server().engine().scheduler().runOnce()).as("the lock is held elsewhere").isZero();

                first.close();
                firstOpen = false;
                create(second, shop, "LX000000604US", "LX000000605US");

                assertThat(second.server().engine().scheduler().runOnce()).isGreaterThanOrEqualTo(2);
            } finally {
                if (firstOpen) {
                    first.close();
                }
                second.close();
            }
        }
    }

    private static void create(TestServer server, long shop, String... numbers) {
        for (String n : numbers) {
            server.store().tracking().createTracking(new NewTrackingNumber(shop, null, null, n, null, null, "api",
                    null, null));
        }
    }

    /** The same database for another server, left for its owner to drop. */
    private static TestDatabase notDropping(TestDatabase db) {
        return new TestDatabase() {
            @Override
            public StoreConfig config() {
                return db.config();
            }

            @Override
            public String impatientUrl(int millis) {
                return db.impatientUrl(millis);
            }

            @Override
            public void close() {
            }
        };
    }
}
