package io.trackctl.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first half of a graceful stop: counts the requests in flight and, once {@link #awaitIdle}
 * has begun, answers every new request 503 and closes its connection (17TRACK delivers a
 * refused push again; a load balancer sees the readiness probe fail), so that the requests already
 * running can finish before the listener closes.
 *
 * <p>Without it the listener's own grace period was the whole wait: Helidon closes the listening
 * socket, interrupts the connections it finds idle, and waits the period for the rest. A kept-alive
 * connection that had just answered when the stop began was not idle yet, was never interrupted,
 * and held every stop for the full period (10 s by default), even with nothing in flight.
 */
public final class Drain implements Filter {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean draining;

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        // Counted before the check: a request the stop's wait does not see has yet to read the flag.
        inFlight.incrementAndGet();
        if (draining) {
            finished();
            refuse(res);
            return;
        }
        try {
            chain.proceed();
        } finally {
            finished();
        }
    }

    private void finished() {
        if (inFlight.decrementAndGet() == 0 && draining) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /**
     * Refuses new requests from now on and waits until the ones in flight have finished, for at
     * most {@code grace}.
     *
     * @return how many requests were still running when the wait ended (0 when all finished)
     */
    public int awaitIdle(Duration grace) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (idle) {
            long left;
            while (inFlight.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                idle.wait(Math.max(1, left / 1_000_000L));
            }
        }
        return inFlight.get();
    }

    /** The requests being handled now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Whether the stop has begun. */
    public boolean draining() {
        return draining;
    }

    private static void refuse(RoutingResponse res) {
        res.header(HeaderValues.CONNECTION_CLOSE);
        res.header(HeaderNames.RETRY_AFTER, "5");
        Json.send(res, ErrorCode.UNAVAILABLE.status(), Envelope.error(ErrorCode.UNAVAILABLE,
                "the server is stopping; send the request again", null));
        // Helidon keeps reading a connection whatever the response's Connection header says, and does
        // not read the body of a refused request; closing it now is the only way to keep that body
        // from being read as the next request.
        throw new CloseConnectionException("the server is stopping");
    }
}
