package io.trackctl.core.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * A webhook delivery as received: the exact body bytes, the signature header (from {@code sign} or
 * {@code X-17Track-Signature}), the optional timestamp header, and where it came from.
 */
public record IncomingDelivery(byte[] body, String signature, String timestamp, String remoteAddress,
                               Instant receivedAt) {

    public IncomingDelivery {
        Objects.requireNonNull(receivedAt, "receivedAt");
        body = body == null ? new byte[0] : body;
    }
}
