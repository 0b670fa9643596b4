package io.trackctl.client;

import io.trackctl.core.retry.Retryable;

/**
 * A 17TRACK call that failed as a whole. {@link #retryable()} says whether sending the same call
 * later can help; {@link #kind()} says why it failed. Messages never carry the API key.
 */
public class SeventeenTrackException extends RuntimeException implements Retryable {

    /** Why a call failed. */
    public enum Kind {
        /** HTTP 429 or code 429: over the request rate. */
        RATE_LIMITED(true),
        /** HTTP 5xx or an internal error code. */
        SERVER_ERROR(true),
        /** No answer in time. */
        TIMEOUT(true),
        /** Could not connect, or the connection broke. */
        CONNECTION(true),
        /** Bad key, IP not allowed, account disabled (HTTP 401 or the matching codes). */
        AUTH(false),
        /** The service refused the request itself (too many numbers, bad body, quota used up). */
        REQUEST_REJECTED(false),
        /** The answer was not the documented JSON. */
        MALFORMED_RESPONSE(true),
        /** The waiting thread was interrupted. */
        INTERRUPTED(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final ApiError error;
    private final int code;
    private final boolean retryable;

    public SeventeenTrackException(Kind kind, int httpStatus, int code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = code;
        this.error = ApiError.of(code);
        this.retryable = kind == Kind.REQUEST_REJECTED ? error.retryable() : kind.retryable();
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The 17TRACK code from the body, or 0 when there was none. */
    public int code() {
        return code;
    }

    public ApiError error() {
        return error;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
