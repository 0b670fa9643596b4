package io.trackctl.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.trackctl.client.WebhookSignature;
import io.trackctl.core.ingest.IncomingDelivery;
import io.trackctl.core.ingest.IngestResult;
import io.trackctl.core.ingest.MemoryDedupeCache;
import io.trackctl.core.ingest.SignatureVerifier;
import io.trackctl.core.ingest.SnapshotApplier;
import io.trackctl.core.ingest.WebhookIngest;
import io.trackctl.core.model.JobKind;
import io.trackctl.core.model.SyncJob;
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.store.TrackctlStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Example 3: receiving 17TRACK webhooks inside an HTTP server you already have (here the JDK's
 * {@code com.sun.net.httpserver}). {@link WebhookIngest} does the work that must happen before
 * answering: verify the signature on the raw bytes, drop duplicates, and store the delivery with
 * the job that will apply it, so that a 200 is never lost. Applying is done later by a worker
 * ({@link #applyPending()}), outside the request.
 */
public final class WebhookReceiverExample implements AutoCloseable {

    private final HttpServer server;
    private final TrackctlStore store;
    private final WebhookIngest ingest;
    private final SnapshotApplier applier;

    /**
     * Mounts {@code POST /hooks/17track} on a new server on {@code port} (0: any free port).
     *
     * @param signingKey the key 17TRACK signs pushes with (your 17TRACK API key)
     */
    public WebhookReceiverExample(TrackctlStore store, String signingKey, int port) throws IOException {
        this.store = store;
        WebhookSignature signature = WebhookSignature.of(signingKey);
        SignatureVerifier verifier = new SignatureVerifier() {
            @Override
            public boolean verify(byte[] body, String sign) {
                return signature.verify(body, sign);
            }

            @Override
            public boolean configured() {
                return true;
            }
        };
        this.ingest = new WebhookIngest(store.webhooks(), store.jobs(), verifier,
                List.of(new MemoryDedupeCache(100_000)), // a fast dedupe layer in front of the database's
                Duration.ofMinutes(5),                   // how old an X-17Track-Timestamp may be
                3);                                      // attempts the apply job gets
        this.applier = new SnapshotApplier(store.tracking(), store.snapshots(), store.webhooks(), Clock.systemUTC());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hooks/17track", this::receive);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{\"code\":405}");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes(); // the exact bytes: the signature is computed over them
            }
            String sign = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            IncomingDelivery delivery = new IncomingDelivery(body, sign,
                    exchange.getRequestHeaders().getFirst("X-17Track-Timestamp"),
                    exchange.getRemoteAddress().getAddress().getHostAddress(), Clock.systemUTC().instant());
            try {
                IngestResult result = ingest.receive(delivery);
                switch (result) {
                    // Accepted and duplicate pushes both get a 200, or 17TRACK would keep re-sending.
                    case IngestResult.Accepted a -> answer(exchange, 200, "{\"code\":0}");
                    case IngestResult.Duplicate d -> answer(exchange, 200, "{\"code\":0}");
                    case IngestResult.Rejected r -> answer(exchange, switch (r.reason()) {
                        case MALFORMED -> 400;
                        case TOO_LARGE -> 413;
                        case NOT_CONFIGURED -> 503;
                        case MISSING_SIGNATURE, BAD_SIGNATURE, STALE_TIMESTAMP -> 401;
                    }, "{\"code\":1}");
                }
            } catch (TransientFailureException e) {
                // The database could not take the write: ask 17TRACK to deliver again later.
                answer(exchange, 503, "{\"code\":1}");
            }
        }
    }

    /**
     * The worker side, here as one pass a caller can run on a timer: claims the stored deliveries'
     * apply jobs and applies them. Returns how many it applied.
     */
    public int applyPending() {
        List<SyncJob> jobs = store.jobs().claim(Set.of(JobKind.APPLY_WEBHOOK), 50, "example-worker",
                Duration.ofMinutes(1), Duration.ZERO);
        for (SyncJob job : jobs) {
            applier.applyDelivery(job.refId()); // refId: the logged delivery
            store.jobs().succeeded(job); // recorded under this claim
        }
        return jobs.size();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
