package io.trackctl.server.resource;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.trackctl.core.ingest.IncomingDelivery;
import io.trackctl.core.ingest.IngestResult;
import io.trackctl.core.ingest.WebhookIngest;
import io.trackctl.core.retry.TransientFailureException;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.Bodies;
import io.trackctl.server.http.Endpoint;
import io.trackctl.server.http.Envelope;
import io.trackctl.server.http.ErrorCode;
import io.trackctl.server.http.Json;
import io.trackctl.server.http.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code POST /webhook/17track}: 17TRACK's pushes. Authenticated by their signature alone (header
 * {@code sign}, or {@code X-17Track-Signature}) over the exact body bytes, read up to a limit. A 200
 * means the delivery is stored with its apply job; when it cannot be stored the answer is 503 so
 * that 17TRACK delivers it again. While no webhook key is configured every delivery is answered 503
 * too: 17TRACK retries a refused push for about an hour, so pushes that arrive while the operator is
 * still setting the key up are delivered again rather than dropped as a 4xx would have them.
 *
 * <p>The server takes bodies up to the larger of its API limit and this one; a body past both is
 * refused by the server itself (413) before it reaches this route, so without a log row.
 */
public final class WebhookResource implements ApiService {

    private static final System.Logger LOG = System.getLogger(WebhookResource.class.getName());
    private static final HeaderName SIGN = HeaderNames.create("sign");
    private static final HeaderName X_SIGNATURE = HeaderNames.create("X-17Track-Signature");
    private static final HeaderName X_TIMESTAMP = HeaderNames.create("X-17Track-Timestamp");
    private static final byte[] OK = "{\"code\":0,\"message\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookIngest ingest;
    private final Clock clock;
    private final int maxBodyBytes;

    /**
     * @param ingest       the hot path, or null when the server runs without an engine (refuses with 503)
     * @param maxBodyBytes the largest body accepted; larger ones are answered 413 and logged truncated
     */
    public WebhookResource(WebhookIngest ingest, Clock clock, long maxBodyBytes) {
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("webhook body limit out of range: " + maxBodyBytes);
        }
        this.ingest = ingest;
        this.clock = clock;
        this.maxBodyBytes = (int) maxBodyBytes;
    }

    @Override
    public String path() {
        return "/webhook";
    }

    @Override
    public void routes(Routes routes) {
        routes.raw(Method.POST, "/17track", Endpoint.Access.PUBLIC, this::receive);
    }

    private void receive(ServerRequest req, ServerResponse res) throws IOException {
        if (ingest == null) {
            Json.send(res, ErrorCode.UNAVAILABLE.status(), Envelope.error(ErrorCode.UNAVAILABLE,
                    "webhook ingestion is not running on this server", null));
            return;
        }
        long declared = req.headers().contentLength().orElse(-1L);
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            // A body declared too large is not read whole: its head is enough for the log row.
            int budget = declared > maxBodyBytes ? WebhookIngest.REJECTED_BODY_LIMIT : maxBodyBytes + 1;
            body = Bodies.read(in, declared, budget);
        }
        boolean tooLarge = declared > maxBodyBytes || body.length > maxBodyBytes;
        String signature = req.headers().first(SIGN).or(() -> req.headers().first(X_SIGNATURE)).orElse(null);
        IncomingDelivery in = new IncomingDelivery(body, signature, req.headers().first(X_TIMESTAMP).orElse(null),
                req.remotePeer().host(), clock.instant());
        IngestResult result;
        try {
            result = tooLarge ? ingest.rejectTooLarge(in, maxBodyBytes) : ingest.receive(in);
        } catch (TransientFailureException e) {
            unavailable(res, e);
            return;
        } catch (RuntimeException e) {
            // Whatever kept the delivery from being stored, only a non-200 makes 17TRACK send it again.
            LOG.log(System.Logger.Level.ERROR, "webhook delivery not stored", e);
            unavailable(res, e);
            return;
        }
        switch (result) {
            case IngestResult.Accepted a -> ok(res);
            case IngestResult.Duplicate d -> ok(res);
            case IngestResult.Rejected r -> {
                ErrorCode code = code(r.reason());
                Json.send(res, code.status(), Envelope.error(code, r.message(), null));
            }
        }
    }

    /** The answer to an accepted or duplicate delivery (also the benchmark's no-op route's). */
    static void ok(ServerResponse res) {
        res.status(200);
        res.header(HeaderNames.CONTENT_TYPE, Json.CONTENT_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(OK);
    }

    private static void unavailable(ServerResponse res, RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "webhook delivery not stored, answered 503: {0}", e.getMessage());
        Json.send(res, ErrorCode.UNAVAILABLE.status(), Envelope.error(ErrorCode.UNAVAILABLE,
                "the delivery could not be stored; deliver it again later", null));
    }

    private static ErrorCode code(IngestResult.Reason reason) {
        return switch (reason) {
            case NOT_CONFIGURED -> ErrorCode.UNAVAILABLE;
            case MISSING_SIGNATURE, BAD_SIGNATURE, STALE_TIMESTAMP -> ErrorCode.BAD_SIGNATURE;
            case MALFORMED -> ErrorCode.VALIDATION;
            case TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
        };
    }
}
