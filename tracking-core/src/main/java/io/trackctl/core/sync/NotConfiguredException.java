package io.trackctl.core.sync;

/** A feature that needs configuration it does not have (a 17TRACK API key). */
public class NotConfiguredException extends RuntimeException {

    public NotConfiguredException(String message) {
        super(message);
    }
}
