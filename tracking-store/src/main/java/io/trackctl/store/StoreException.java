package io.trackctl.store;

/** A storage failure that trying again will not fix (bad SQL, a broken constraint, a schema problem). */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
