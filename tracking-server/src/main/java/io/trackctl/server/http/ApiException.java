package io.trackctl.server.http;

/**
 * A failure found by the HTTP layer itself (bad token, bad body, wrong media type); its message
 * is shown to the client as is, so it never holds a secret.
 */
public final class ApiException extends RuntimeException {

    private final ErrorCode error;
    private final transient Object data;

    public ApiException(ErrorCode error, String message) {
        this(error, message, null);
    }

    public ApiException(ErrorCode error, String message, Object data) {
        super(message, null, false, false);
        this.error = error;
        this.data = data;
    }

    public ErrorCode error() {
        return error;
    }

    public Object data() {
        return data;
    }
}
