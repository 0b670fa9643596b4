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
import io.trackctl.server.http.Endpoint;
import io.trackctl.server.http.Envelope;
import io.trackctl.server.http.ErrorCode;
import io.trackctl.server.http.Json;
import io.trackctl.server.http.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * {@code POST /webhook/17track}: 17TRACK's pushes. Authenticated by their signature alone (header
 * {@code sign}, or {@code X-17Track-Signature}) over the exact body bytes. A 200 means the delivery
 * is stored with its apply job; when the database cannot take it the answer is 503 so that
 * 17TRACK delivers it again.
 */
public final class WebhookResource implements ApiService {

    /** The largest push accepted; 17TRACK's pushes are a few tens of kilobytes. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(WebhookResource.class.getName());
    private static final HeaderName SIGN = HeaderNames.create("sign");
    private static final HeaderName X_SIGNATURE = HeaderNames.create("X-17Track-Signature");
    private static final HeaderName X_TIMESTAMP = HeaderNames.create("X-17Track-Timestamp");

    private final WebhookIngest ingest;
    private final Clock clock;

    public WebhookResource(WebhookIngest ingest, Clock clock) {
        this.ingest = ingest;
        this.clock = clock;
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
        byte[] body;
        boolean tooLarge;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            tooLarge = body.length > MAX_BODY_BYTES;
        }
        String signature = req.headers().first(SIGN).or(() -> req.headers().first(X_SIGNATURE)).orElse(null);
        IncomingDelivery in = new IncomingDelivery(body, signature, req.headers().first(X_TIMESTAMP).orElse(null),
                req.remotePeer().host(), clock.instant());
        try {
            IngestResult result = tooLarge ? ingest.rejectTooLarge(in, MAX_BODY_BYTES) : ingest.receive(in);
            switch (result) {
                case IngestResult.Accepted a -> Json.send(res, 200, Envelope.ok(null));
                case IngestResult.Duplicate d -> Json.send(res, 200, Envelope.ok(null));
                case IngestResult.Rejected r -> {
                    ErrorCode code = code(r.reason());
                    Json.send(res, code.status(), Envelope.error(code, r.message(), null));
                }
            }
        } catch (TransientFailureException e) {
            LOG.log(System.Logger.Level.WARNING, "webhook delivery not stored, answered 503: {0}", e.getMessage());
            Json.send(res, ErrorCode.UNAVAILABLE.status(), Envelope.error(ErrorCode.UNAVAILABLE,
                    "the delivery could not be stored; deliver it again later", null));
        }
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
