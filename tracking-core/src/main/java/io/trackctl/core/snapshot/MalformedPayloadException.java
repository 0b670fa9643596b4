package io.trackctl.core.snapshot;

/** A body that is not the JSON 17TRACK documents: not JSON at all, or JSON of the wrong shape. */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String message) {
        super(message);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
