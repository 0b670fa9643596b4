package io.trackctl.core.retry;

/**
 * Implemented by exceptions that know whether trying again can help (a 429 or a 5xx can; an invalid
 * number cannot). {@link RetryPolicy} asks it first.
 */
public interface Retryable {

    boolean retryable();
}
