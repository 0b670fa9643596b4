package io.trackctl.store.testing;

import io.trackctl.store.redis.RedisConnection;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The local Redis for tests, under a key prefix of its own that is deleted afterwards. When Redis
 * cannot be reached the test is skipped with a message, except in CI ({@code CI=true}), where it
 * fails: there the Redis tests must run.
 */
public final class RedisTestServer implements AutoCloseable {

    public static final String URL = System.getenv().getOrDefault("TRACKCTL_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private final RedisConnection connection;

    private RedisTestServer(RedisConnection connection) {
        this.connection = connection;
    }

    public static RedisTestServer start() {
        String prefix = "trackctl-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
        RedisConnection c = RedisConnection.open(URL, prefix);
        try {
            c.pingMicros();
        } catch (RuntimeException e) {
            c.close();
            String message = "Redis is not reachable at " + URL + " (" + e.getMessage() + "); start it, or set "
                    + "TRACKCTL_TEST_REDIS_URL, to run the Redis tests";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message, e);
            }
            Assumptions.abort(message);
        }
        return new RedisTestServer(c);
    }

    public RedisConnection connection() {
        return connection;
    }

    public String url() {
        return URL;
    }

    public String prefix() {
        return connection.prefix();
    }

    /** Deletes every key under this server's prefix. */
    @Override
    public void close() {
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(connection.prefix() + "*").count(500);
        do {
            ScanResult<String> page = connection.jedis().scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                connection.jedis().del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        connection.close();
    }
}
