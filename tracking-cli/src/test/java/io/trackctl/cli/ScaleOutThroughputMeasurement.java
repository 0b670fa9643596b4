package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.testing.GeneratedPush;
import io.trackctl.core.testing.NumberHistory;
import io.trackctl.core.testing.PushHistories;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Webhook throughput of 1, 2 and 3 {@code trackctl serve} instances on one PostgreSQL and one Redis,
 * pushes spread across them. Not part of the build (the class name matches no test pattern): run it
 * by name, see docs/scale-out.md. Each size gets a fresh database, a warm-up, then the measured
 * pushes; it prints pushes acknowledged per second and deliveries applied per second.
 */
class ScaleOutThroughputMeasurement {

    private static final int NUMBERS = 2_000;
    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 12_000;
    private static final int SENDERS = 12;

    @Test
    void measureWebhookThroughputWithOneTwoAndThreeInstances() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("instances | pushes | acknowledged/s | pushes/s until every delivery is applied");
        for (int n = 1; n <= 3; n++) {
            lines.add(measure(n));
            System.out.println(lines.getLast());
        }
        System.out.println(String.join("\n", lines));
    }

    private String measure(int instances) throws Exception {
        Random random = new Random(4242L + instances);
        List<NumberHistory> histories = PushHistories.histories(random, NUMBERS);
        List<GeneratedPush> all = new ArrayList<>(PushHistories.shuffledWithRepeats(random, histories, 3));
        while (all.size() < WARM_UP + MEASURED) {
            all.add(all.get(random.nextInt(all.size())));
        }
        try (ScaleOutCluster cluster = ScaleOutCluster.prepare(3)) {
            cluster.createNumbers("Measured shop", histories.stream().map(NumberHistory::number).toList(), true);
            cluster.startInstances(instances, Map.of("TRACKCTL_WORKERS", "4"));
            PushDriver driver = new PushDriver(cluster.http(), ScaleOutCluster.API_KEY, cluster::alive, SENDERS);
            driver.send(all.subList(0, WARM_UP), new AtomicIntegerArray(WARM_UP), Integer.MAX_VALUE, null);
            drain(cluster);
            long t0 = System.nanoTime();
            PushDriver.Result r = driver.send(all.subList(WARM_UP, WARM_UP + MEASURED),
                    new AtomicIntegerArray(MEASURED), Integer.MAX_VALUE, null);
            drain(cluster);
            double appliedSeconds = (System.nanoTime() - t0) / 1e9;
            assertThat(r.acknowledged()).isEqualTo(MEASURED);
            return String.format("%d | %d | %.0f | %.0f", instances, MEASURED, r.perSecond(),
                    MEASURED / appliedSeconds);
        }
    }

    private static void drain(ScaleOutCluster cluster) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Connection c = cluster.jdbc(); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM sync_jobs WHERE status IN ('PENDING', 'RUNNING')")) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("queue not drained within 5 minutes");
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }
}
