package io.trackctl.server;

import io.trackctl.core.sync.SyncScheduler;
import io.trackctl.store.redis.RedisConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A record of the scheduler's runs, kept when {@code TRACKCTL_RECORD_SCHEDULER_RUNS} is on, so that
 * an operator (or a test) can see which instance scheduled when and check that runs never overlap.
 * With Redis every run of every instance goes to one list, {@code <prefix>scheduler:runs}, as
 * {@code instance|startMicros|endMicros|queued}, keeping the newest {@value #KEEP} runs.
 */
public final class SchedulerRuns {

    /** How many runs the Redis list keeps. */
    public static final int KEEP = 10_000;
    private static final System.Logger LOG = System.getLogger(SchedulerRuns.class.getName());

    /** One recorded run. */
    public record Run(String instance, Instant start, Instant end, int queued) {

        /** Parses a list entry written by {@link #inRedis}. */
        public static Run parse(String entry) {
            String[] p = entry.split("\\|");
            if (p.length != 4) {
                throw new IllegalArgumentException("not a scheduler run: " + entry);
            }
            return new Run(p[0], micros(Long.parseLong(p[1])), micros(Long.parseLong(p[2])), Integer.parseInt(p[3]));
        }

        /** True when the two runs share some instant. */
        public boolean overlaps(Run other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }

        private static Instant micros(long us) {
            return Instant.EPOCH.plus(us, ChronoUnit.MICROS);
        }
    }

    private SchedulerRuns() {
    }

    /** The list key under a connection's prefix. */
    public static String key(RedisConnection redis) {
        return redis.key("scheduler:runs");
    }

    /** Appends each run to the shared Redis list; a failed write is logged and the run still counts. */
    public static SyncScheduler.RunLog inRedis(RedisConnection redis, String instanceId) {
        String key = key(redis);
        return (start, end, queued) -> {
            String entry = instanceId + "|" + ChronoUnit.MICROS.between(Instant.EPOCH, start) + "|"
                    + ChronoUnit.MICROS.between(Instant.EPOCH, end) + "|" + queued;
            try {
                redis.jedis().rpush(key, entry);
                redis.jedis().ltrim(key, -KEEP, -1);
            } catch (JedisException e) {
                LOG.log(System.Logger.Level.WARNING, "scheduler run not recorded in Redis: " + e.getMessage());
            }
        };
    }

    /** Logs each run at INFO (without Redis there is nothing to share). */
    public static SyncScheduler.RunLog logged(String instanceId) {
        return (start, end, queued) -> LOG.log(System.Logger.Level.INFO,
                "scheduler run on {0}: {1} .. {2}, {3} pulls queued", instanceId, start, end, queued);
    }

    /** Every run recorded in Redis, oldest first. */
    public static List<Run> read(RedisConnection redis) {
        List<Run> runs = new ArrayList<>();
        for (String e : redis.jedis().lrange(key(redis), 0, -1)) {
            runs.add(Run.parse(e));
        }
        return runs;
    }
}
