package io.trackctl.server;

import java.net.URI;
import redis.clients.jedis.Jedis;

/** A one-off Redis PING for the health report, with short timeouts. */
final class RedisPing {

    private static final int TIMEOUT_MS = 2000;

    private RedisPing() {
    }

    static void ping(String url) {
        try (Jedis jedis = new Jedis(URI.create(url), TIMEOUT_MS)) {
            if (!"PONG".equalsIgnoreCase(jedis.ping())) {
                throw new IllegalStateException("unexpected answer to PING");
            }
        }
    }
}
