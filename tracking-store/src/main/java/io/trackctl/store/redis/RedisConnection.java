package io.trackctl.store.redis;

import java.net.URI;
import java.util.Objects;
import redis.clients.jedis.JedisPooled;

/**
 * One pooled Redis connection for the whole process, with the key prefix every trackctl key
 * starts with (so several deployments, or tests, can share one Redis).
 */
public final class RedisConnection implements AutoCloseable {

    private final JedisPooled jedis;
    private final String prefix;

    private RedisConnection(JedisPooled jedis, String prefix) {
        this.jedis = jedis;
        this.prefix = prefix;
    }

    /** Connects to a {@code redis://[user:password@]host:port[/db]} URL. */
    public static RedisConnection open(String url, String prefix) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Redis URL (expected redis://host:port): " + redact(url));
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("not a Redis URL (expected redis://host:port): " + redact(url));
        }
        return new RedisConnection(new JedisPooled(uri), prefix == null ? "trackctl:" : prefix);
    }

    public JedisPooled jedis() {
        return jedis;
    }

    /** The full key for a trackctl key name. */
    public String key(String name) {
        return prefix + name;
    }

    public String prefix() {
        return prefix;
    }

    /** Round trip time of a PING, in microseconds; throws when Redis cannot be reached. */
    public long pingMicros() {
        long t0 = System.nanoTime();
        jedis.ping();
        return (System.nanoTime() - t0) / 1000;
    }

    @Override
    public void close() {
        jedis.close();
    }

    /** A URL with any password removed, for messages. */
    public static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
