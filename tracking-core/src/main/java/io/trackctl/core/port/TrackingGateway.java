package io.trackctl.core.port;

import io.trackctl.core.snapshot.Snapshot;
import java.util.List;

/**
 * What the use cases need from 17TRACK. Implementations split lists into calls of at most 40
 * numbers and respect the rate limit. Failures of a whole call are thrown as exceptions that
 * implement {@link io.trackctl.core.retry.Retryable}; per-number failures come back as rejections.
 */
public interface TrackingGateway {

    /** A number with its carrier key (null: let 17TRACK detect it). */
    record NumberRef(String number, Integer carrier) {
    }

    /** A number 17TRACK refused, with its error code and message. */
    record Rejection(String number, Integer carrier, int code, String message) {
    }

    record Registration(List<NumberRef> accepted, List<Rejection> rejected) {
    }

    record Pull(List<Snapshot> snapshots, List<Rejection> rejected) {
    }

    /** Registers numbers; "already registered" counts as accepted. */
    Registration register(List<NumberRef> numbers);

    /** Current snapshots ({@code /gettrackinfo}); unknown numbers come back rejected with -18019902. */
    Pull pull(List<NumberRef> numbers);

    /** True for the error code meaning "not registered yet". */
    static boolean isNotRegistered(int code) {
        return code == -18019902;
    }
}
