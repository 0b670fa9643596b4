package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.client.WebhookSignature;
import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.model.DeliveryQuery;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.WebhookDelivery;
import io.trackctl.core.testing.GeneratedPush;
import io.trackctl.core.testing.NumberHistory;
import io.trackctl.core.testing.PushHistories;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.StoreConfig;
import io.trackctl.store.testing.RedisTestServer;
import io.trackctl.store.testing.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An instance on PostgreSQL whose Redis goes away and comes back (through a proxy that cuts it). */
class RedisOutageTest {

    private static final String KEY = "DUMMY17TRACKKEY0123456789ABCDEF";
    private RedisTestServer redis;
    private TcpProxy proxy;
    private TestServer server;
    private TestServer second;

    @BeforeEach
    void start() {
        redis = RedisTestServer.start();
        proxy = TcpProxy.to(URI.create(redis.url()).getPort());
        PostgresTestDatabase db = PostgresTestDatabase.create();
        server = TestServer.start(db, this::onProxiedRedis);
        second = TestServer.start(new TestDatabase() {
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
                // the first server drops the database
            }
        }, this::onProxiedRedis);
    }

    private ServerSettings onProxiedRedis(ServerSettings s) {
        return new ServerSettings(s.port(), s.dataDir(), s.db(), "redis://127.0.0.1:" + proxy.port(), null, null,
                List.of(KEY), s.jwtSecret(), null, s.maxBodyBytes(), s.shutdownGrace(), EngineSettings.defaults()
                .withRedisPrefix(redis.prefix())
                .withLease(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        try {
            second.close();
            server.close();
        } finally {
            proxy.close();
            redis.close();
        }
    }

    @Test
    void pushesAreStoredWhileRedisIsDownAndAppliedOnceItIsBack() {
        long shop = server.createShop("Shop", "shopify");
        List<NumberHistory> histories = PushHistories.histories(new Random(5), 3);
        histories.forEach(h -> server.createTracking(shop, h.number()));
        proxy.down();

        List<Integer> statuses = new ArrayList<>();
        for (NumberHistory h : histories) {
            GeneratedPush p = h.pushes().getFirst();
            statuses.add(server.send("POST", "/api/v1/webhook/17track", null, "application/json", p.json(),
                    "sign", WebhookSignature.sign(p.json(), KEY)).status());
        }

        assertThat(statuses).containsOnly(200);
        assertThat(server.server().engine().queue().queueStats().pending()).isEqualTo(3);
        TestServer.Answer health = server.get("/api/v1/health", server.adminToken());
        assertThat(health.data().path("components").path("redis").path("status").asText()).isEqualTo("DOWN");
        assertThat(health.data().path("components").path("database").path("status").asText()).isEqualTo("UP");

        proxy.up();

        Poll.until(Duration.ofSeconds(30), () -> List.of(outcome(1), outcome(2), outcome(3)),
                o -> o.stream().allMatch(x -> x == DeliveryOutcome.PROCESSED));
        assertThat(server.server().engine().queue().queueStats().pending()).isZero();
    }

    @Test
    void aPushRepeatedToAnotherInstanceWhileRedisIsDownIsRecognisedByTheDatabase() {
        long shop = server.createShop("Shop", "shopify");
        NumberHistory h = PushHistories.histories(new Random(6), 1).getFirst();
        server.createTracking(shop, h.number());
        GeneratedPush p = h.pushes().getFirst();
        proxy.down();

        for (TestServer instance : List.of(server, second)) {
            assertThat(instance.send("POST", "/api/v1/webhook/17track", null, "application/json", p.json(),
                    "sign", WebhookSignature.sign(p.json(), KEY)).status()).isEqualTo(200);
        }

        assertThat(server.server().engine().queue().queueStats().pending()).isEqualTo(1);
        // Ids are not dense on PostgreSQL (the duplicate's refused claim used one up): ask by number.
        assertThat(server.store().webhooks().listDeliveries(new DeliveryQuery(null, h.number(), null, null),
                PageRequest.FIRST).items()).extracting(WebhookDelivery::outcome)
                .hasSize(2).containsOnlyOnce(DeliveryOutcome.DUPLICATE);
    }

    private DeliveryOutcome outcome(long deliveryId) {
        return server.store().webhooks().findDelivery(deliveryId).orElseThrow().outcome();
    }
}
