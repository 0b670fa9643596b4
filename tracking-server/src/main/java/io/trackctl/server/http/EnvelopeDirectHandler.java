package io.trackctl.server.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Answers the failures Helidon handles before routing (a malformed request line, a body over the
 * size limit) in the same envelope as everything else, with a generic message.
 */
public final class EnvelopeDirectHandler implements DirectHandler {

    /** Direct handlers for every event type. */
    public static DirectHandlers all() {
        DirectHandlers.Builder b = DirectHandlers.builder();
        EnvelopeDirectHandler h = new EnvelopeDirectHandler();
        for (EventType type : EventType.values()) {
            b.addHandler(type, h);
        }
        return b.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        ErrorMapper.ApiError e = ErrorMapper.http(status.code(), null);
        return TransportResponse.builder()
                .status(Status.create(e.error().status()))
                .headers(headers)
                .header(HeaderNames.CONTENT_TYPE, Json.CONTENT_TYPE)
                .entity(Json.bytes(e.envelope()))
                .build();
    }
}
