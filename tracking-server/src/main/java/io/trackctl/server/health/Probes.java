package io.trackctl.server.health;

import io.trackctl.core.model.QueueStats;
import io.trackctl.core.port.JobQueue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The probes of the health report: database, Redis and the job queue. */
public final class Probes {

    /** Pending work older than this makes the queue DEGRADED: workers are not keeping up. */
    public static final Duration BACKLOG_LIMIT = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(Probes.class.getName());

    /** Something that throws when its dependency cannot be reached. */
    @FunctionalInterface
    public interface Ping {
        void ping() throws Exception;
    }

    private Probes() {
    }

    /** Times a ping; UP with its latency, DOWN when it fails. */
    public static HealthProbe timed(String name, Ping ping) {
        return () -> {
            long start = System.nanoTime();
            try {
                ping.ping();
                long micros = (System.nanoTime() - start) / 1000;
                return new ComponentHealth(HealthStatus.UP, Map.of("latencyMs", micros / 1000.0));
            } catch (Exception e) {
                LOG.log(Level.WARNING, name + " health check failed: " + e.getClass().getSimpleName());
                return new ComponentHealth(HealthStatus.DOWN, Map.of("error", name + " is unreachable"));
            }
        };
    }

    public static HealthProbe disabled() {
        return () -> new ComponentHealth(HealthStatus.DISABLED, Map.of());
    }

    /** Pending count, oldest pending age and failed count of the queue. */
    public static HealthProbe queue(JobQueue queue) {
        return () -> {
            try {
                QueueStats s = queue.queueStats();
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("pending", s.pending());
                d.put("running", s.running());
                d.put("failed", s.failed());
                long age = s.oldestPendingAge() == null ? 0 : s.oldestPendingAge().toSeconds();
                d.put("oldestPendingAgeSeconds", age);
                boolean backlog = s.oldestPendingAge() != null && s.oldestPendingAge().compareTo(BACKLOG_LIMIT) > 0;
                return new ComponentHealth(backlog ? HealthStatus.DEGRADED : HealthStatus.UP, d);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "job queue health check failed: " + e.getClass().getSimpleName());
                return new ComponentHealth(HealthStatus.DOWN, Map.of("error", "job queue is unreachable"));
            }
        };
    }
}
