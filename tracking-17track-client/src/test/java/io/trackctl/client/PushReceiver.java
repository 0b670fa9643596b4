package io.trackctl.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A tiny webhook endpoint that keeps every push it gets and fails the first n on request. */
public final class PushReceiver implements AutoCloseable {

    /** One received push: its signature header and exact body bytes. */
    public record Received(String sign, byte[] body, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();

    public PushReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int status = failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? 503 : 200;
            received.add(new Received(exchange.getRequestHeaders().getFirst("sign"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** The next {@code n} pushes are answered 503. */
    public void failNext(int n) {
        failNext.set(n);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Polls until at least {@code count} pushes matching {@code filter} arrived, or fails after the timeout. */
    public List<Received> awaitAtLeast(int count, Predicate<Received> filter, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Received> matching = received.stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " pushes within " + timeout + ", got " + matching.size());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
