package io.trackctl.core.retry;

/** A failure that may pass on its own: a busy or unreachable database, a dependency that is down. */
public class TransientFailureException extends RuntimeException implements Retryable {

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientFailureException(String message) {
        super(message);
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
