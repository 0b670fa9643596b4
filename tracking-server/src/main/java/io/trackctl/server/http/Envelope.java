package io.trackctl.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every answer of the API: {@code code} 0 with {@code data}, or an error code with a message. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Envelope(int code, String message, Object data) {

    public static Envelope ok(Object data) {
        return new Envelope(0, "ok", data);
    }

    public static Envelope error(ErrorCode error, String message, Object data) {
        return new Envelope(error.code(), message, data);
    }
}
