package io.trackctl.cli;

import io.trackctl.client.WebhookSignature;
import io.trackctl.core.testing.GeneratedPush;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;

/**
 * Sends signed pushes to the instances of a cluster the way a load balancer in front of them and
 * 17TRACK's retries would: push i goes to live instance i mod n; an answer other than 200 (or no
 * answer) is delivered again to the next live instance, up to {@link #TRIES} times. Only a 200
 * counts as acknowledged. Once {@code killAfter} pushes are acknowledged, {@code midway} runs once.
 */
final class PushDriver {

    static final int TRIES = 4;

    /** What the run did. */
    record Result(int acknowledged, int failedAttempts, int unacknowledged, Duration elapsed) {

        double perSecond() {
            return acknowledged / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    private final HttpClient http;
    private final String signingKey;
    private final Supplier<List<ServeProcess>> alive;
    private final int threads;

    PushDriver(HttpClient http, String signingKey, Supplier<List<ServeProcess>> alive, int threads) {
        this.http = http;
        this.signingKey = signingKey;
        this.alive = alive;
        this.threads = threads;
    }

    /**
     * Sends every push; {@code acked} gets 1 at the index of each push answered 200. Blocks until
     * all are sent (or given up).
     */
    Result send(List<GeneratedPush> pushes, AtomicIntegerArray acked, int killAfter, Runnable midway)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger givenUp = new AtomicInteger();
        AtomicBoolean midwayRan = new AtomicBoolean(midway == null);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < pushes.size()) {
                    GeneratedPush p = pushes.get(i);
                    String sign = WebhookSignature.sign(p.json(), signingKey);
                    boolean ok = false;
                    for (int attempt = 0; attempt < TRIES && !ok; attempt++) {
                        List<ServeProcess> live = alive.get();
                        if (live.isEmpty()) {
                            break;
                        }
                        ServeProcess target = live.get((i + attempt) % live.size());
                        ok = deliver(target, p.json(), sign);
                        if (!ok) {
                            failures.incrementAndGet();
                        }
                    }
                    if (ok) {
                        acked.set(i, 1);
                        if (done.incrementAndGet() >= killAfter && midwayRan.compareAndSet(false, true)) {
                            midway.run();
                        }
                    } else {
                        givenUp.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("pushes did not finish within 10 minutes");
        }
        return new Result(done.get(), failures.get(), givenUp.get(), Duration.ofNanos(System.nanoTime() - t0));
    }

    private boolean deliver(ServeProcess target, byte[] body, String sign) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port()
                        + "/api/v1/webhook/17track"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("sign", sign)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
