package io.trackctl.server.http;

/** The one table of API error codes; each carries the HTTP status it is answered with. */
public enum ErrorCode {
    VALIDATION(40001, 400),
    UNAUTHORIZED(40101, 401),
    BAD_SIGNATURE(40102, 401),
    FORBIDDEN(40301, 403),
    NOT_FOUND(40401, 404),
    METHOD_NOT_ALLOWED(40501, 405),
    CONFLICT(40901, 409),
    PAYLOAD_TOO_LARGE(41301, 413),
    UNSUPPORTED_MEDIA_TYPE(41501, 415),
    RATE_LIMITED(42901, 429),
    INTERNAL(50001, 500),
    UNAVAILABLE(50301, 503);

    private final int code;
    private final int status;

    ErrorCode(int code, int status) {
        this.code = code;
        this.status = status;
    }

    public int code() {
        return code;
    }

    public int status() {
        return status;
    }
}
