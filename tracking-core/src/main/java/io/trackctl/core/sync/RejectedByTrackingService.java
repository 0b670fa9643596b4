package io.trackctl.core.sync;

import io.trackctl.core.port.TrackingGateway;
import io.trackctl.core.retry.Retryable;

/**
 * 17TRACK refused one number. Quota and daily-limit refusals may pass; an invalid number or an
 * undetectable carrier will not.
 */
public class RejectedByTrackingService extends RuntimeException implements Retryable {

    private final int code;

    public RejectedByTrackingService(TrackingGateway.Rejection rejection) {
        super("17TRACK refused " + rejection.number() + ": " + rejection.code() + " " + rejection.message());
        this.code = rejection.code();
    }

    public int code() {
        return code;
    }

    @Override
    public boolean retryable() {
        return code == -18010003 || code == -18019907 || code == -18019908;
    }
}
