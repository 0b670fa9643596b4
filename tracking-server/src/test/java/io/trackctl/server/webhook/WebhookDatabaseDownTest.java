package io.trackctl.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.core.testing.PushHistories;
import io.trackctl.core.testing.Signatures;
import io.trackctl.server.Poll;
import io.trackctl.server.ServerSettings;
import io.trackctl.server.TestServer;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.RedisTestServer;
import io.trackctl.store.testing.SqliteTestDatabase;
import io.trackctl.store.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot take the delivery gets it answered 503 (so 17TRACK delivers it again), and
 * once the database is back the same delivery is accepted and applied: no dedupe layer remembered a
 * key whose delivery was never committed.
 */
class WebhookDatabaseDownTest {

    private static final String KEY = WebhookSuite.KEY;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * SQLite: another connection holds the write lock (as a long transaction of another process
     * would). Making the file read-only or removing it would not do: the open pool keeps writing
     * through its file handles.
     */
    @Test
    void aLockedSqliteFileAnswers503AndTheSameDeliveryIsAppliedOnceTheLockIsGone() throws Exception {
        SqliteTestDatabase sqlite = SqliteTestDatabase.create();
        TestDatabase impatient = impatient(sqlite, StoreConfig.of(sqlite.impatientUrl(300)));
        try (TestServer server = TestServer.start(impatient, s -> withKey(s, null, null))) {
            long id = server.createTracking(server.createShop("Shop", "shopify"), "LX123123123CN");
            byte[] body = PushHistories.history(new Random(1), "LX123123123CN").pushes().getFirst().json();
            try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + sqlite.file());
                 Statement st = lock.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");

                TestServer.Answer refused = push(server, body);

                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.code()).isEqualTo(50301);
                st.execute("COMMIT");
            }
            assertDeliveredOnceWhenBack(server, id, "LX123123123CN", body);
        }
    }

    /**
     * PostgreSQL: the database stops taking connections and every open one is terminated, as in a
     * failover; with Redis as the queue and a dedupe layer.
     */
    @Test
    void aPostgresDatabaseThatRefusesConnectionsAnswers503AndRecovers() throws Exception {
        PostgresTestDatabase pg = PostgresTestDatabase.create();
        try (RedisTestServer redis = RedisTestServer.start()) {
            StoreConfig config = pg.config();
            StoreConfig quick = new StoreConfig(config.jdbcUrl(), config.poolSize(), config.user(), config.password(),
                    Duration.ofMillis(500));
            try (TestServer server = TestServer.start(impatient(pg, quick),
                    s -> withKey(s, redis.url(), redis.prefix()))) {
                long id = server.createTracking(server.createShop("Shop", "shopify"), "RR321321321DE");
                byte[] body = PushHistories.history(new Random(2), "RR321321321DE").pushes().getFirst().json();
                try (Connection admin = admin(); Statement st = admin.createStatement()) {
                    st.execute("ALTER DATABASE " + pg.name() + " ALLOW_CONNECTIONS false");
                    st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                            + pg.name() + "' AND pid <> pg_backend_pid()");
                    try {
                        TestServer.Answer refused = push(server, body);

                        assertThat(refused.status()).isEqualTo(503);
                        assertThat(refused.code()).isEqualTo(50301);
                    } finally {
                        st.execute("ALTER DATABASE " + pg.name() + " ALLOW_CONNECTIONS true");
                    }
                }
                assertDeliveredOnceWhenBack(server, id, "RR321321321DE", body);
            }
        }
    }

    private static void assertDeliveredOnceWhenBack(TestServer server, long id, String number, byte[] body) {
        TestServer.Answer accepted = Poll.until(WAIT, () -> push(server, body), a -> a.status() != 503);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo(WebhookSuite.OK);
        List<WebhookDelivery> rows = Poll.until(WAIT, () -> server.store().webhooks().listDeliveries(
                        new DeliveryQuery(null, number, null, null), PageRequest.of(1, 50)).items(),
                r -> r.stream().anyMatch(d -> d.outcome() != DeliveryOutcome.ACCEPTED));
        assertThat(rows).extracting(WebhookDelivery::outcome).containsExactly(DeliveryOutcome.PROCESSED);
        assertThat(server.store().tracking().findTracking(id).orElseThrow().state().latestEventAt()).isNotNull();
    }

    private static TestServer.Answer push(TestServer server, byte[] body) {
        return server.send("POST", WebhookSuite.PATH, null, "application/json", body, "sign",
                Signatures.sign(body, KEY));
    }

    private static ServerSettings withKey(ServerSettings s, String redis, String prefix) {
        return new ServerSettings(s.port(), s.dataDir(), s.db(), redis, null, null, List.of(KEY), s.jwtSecret(),
                null, s.maxBodyBytes(), s.shutdownGrace(), s.engine().withRedisPrefix(prefix));
    }

    private static TestDatabase impatient(TestDatabase db, StoreConfig config) {
        return new TestDatabase() {
            @Override
            public StoreConfig config() {
                return config;
            }

            @Override
            public String impatientUrl(int millis) {
                return db.impatientUrl(millis);
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }

    private static Connection admin() throws SQLException {
        String host = env("TRACKCTL_PG_HOST", "127.0.0.1");
        String port = env("TRACKCTL_PG_PORT", "5432");
        Properties props = new Properties();
        props.setProperty("user", env("TRACKCTL_PG_USER", "postgres"));
        if (System.getenv("TRACKCTL_PG_PASSWORD") != null) {
            props.setProperty("password", System.getenv("TRACKCTL_PG_PASSWORD"));
        }
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/test", props);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
