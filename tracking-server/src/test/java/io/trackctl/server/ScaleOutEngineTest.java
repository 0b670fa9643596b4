package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.client.WebhookSignature;
import io.trackctl.core.model.DeliveryOutcome;
import io.trackctl.core.sync.SyncSettings;
import io.trackctl.core.testing.Fixtures;
import io.trackctl.store.testing.PostgresTestDatabase;
import io.trackctl.store.testing.RedisTestServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server on PostgreSQL and Redis as a scale-out instance runs it: own key prefix, recorded scheduler runs. */
class ScaleOutEngineTest {

    private static final String KEY = "DUMMY17TRACKKEY0123456789ABCDEF";
    private RedisTestServer redis;
    private TestServer server;

    @BeforeEach
    void start() {
        redis = RedisTestServer.start();
        server = TestServer.start(PostgresTestDatabase.create(), s -> new ServerSettings(s.port(), s.dataDir(), s.db(),
                redis.url(), KEY, URI.create("http://127.0.0.1:9/track/v2.2"), List.of(), s.jwtSecret(), null,
                s.maxBodyBytes(), s.shutdownGrace(), EngineSettings.defaults()
                .withSync(new SyncSettings(Duration.ofMinutes(10), Duration.ofMillis(200), Duration.ofHours(6), 40, 3))
                .withRedisPrefix(redis.prefix())
                .withRecordedSchedulerRuns(true)));
    }

    @AfterEach
    void stop() {
        try {
            server.close();
        } finally {
            redis.close();
        }
    }

    @Test
    void everyRedisKeyOfTheInstanceStartsWithTheConfiguredPrefix() {
        long shop = server.createShop("Shop", "shopify");
        server.createTracking(shop, "LX900000015CN");
        byte[] body = Fixtures.bytes(Fixtures.UPDATED_DELIVERED);

        TestServer.Answer answer = server.send("POST", "/api/v1/webhook/17track", null, "application/json", body,
                "sign", WebhookSignature.sign(body, KEY));

        assertThat(answer.status()).isEqualTo(200);
        Poll.until(Duration.ofSeconds(20), () -> server.store().webhooks().findDelivery(1).orElseThrow().outcome(),
                o -> o == DeliveryOutcome.PROCESSED);
        assertThat(redis.connection().jedis().exists(redis.prefix() + "jobs:APPLY_WEBHOOK")).isTrue();
        assertThat(redis.connection().jedis().exists(redis.prefix() + "jobs:REGISTER")).isTrue();
    }

    @Test
    void eachSchedulerRunIsRecordedWithTheInstanceAndItsTimes() {
        List<SchedulerRuns.Run> runs = Poll.until(Duration.ofSeconds(20),
                () -> SchedulerRuns.read(redis.connection()), r -> r.size() >= 3);

        assertThat(runs).allSatisfy(r -> {
            assertThat(r.instance()).isEqualTo(server.server().engine().instanceId());
            assertThat(r.end()).isAfterOrEqualTo(r.start());
        });
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).overlaps(runs.get(i - 1))).isFalse();
        }
    }
}
