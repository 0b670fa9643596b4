package io.trackctl.client.simulator;

import io.trackctl.client.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Delivers pushes one at a time, in the order they were queued, signed with the API key. A push
 * the receiver does not answer with 200 is tried again after each wait of the retry schedule, then
 * dropped.
 */
final class Pusher implements AutoCloseable {

    private final URI url;
    private final String key;
    private final List<Duration> retries;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-pusher");
        t.setDaemon(true);
        return t;
    });
    private final List<PushAttempt> attempts = new CopyOnWriteArrayList<>();
    private final BiConsumer<String, Integer> outcome;

    /** {@code outcome} hears (number, HTTP status) after every try. */
    Pusher(URI url, String key, List<Duration> retries, BiConsumer<String, Integer> outcome) {
        this.url = url;
        this.key = key;
        this.retries = retries;
        this.outcome = outcome;
    }

    void send(String number, String event, byte[] body) {
        executor.execute(() -> attempt(number, event, body, 1));
    }

    List<PushAttempt> attempts() {
        return List.copyOf(attempts);
    }

    private void attempt(String number, String event, byte[] body, int attempt) {
        int status = 0;
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(body, key))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            status = 0;
        }
        attempts.add(new PushAttempt(number, event, attempt, status, Clock.systemUTC().instant()));
        outcome.accept(number, status);
        if (status != 200 && attempt <= retries.size() && !executor.isShutdown()) {
            executor.schedule(() -> attempt(number, event, body, attempt + 1), retries.get(attempt - 1).toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
