package io.trackctl.core.service;

/** The request clashes with what is stored; {@code existingId} names the clashing resource when known. */
public final class ConflictException extends ServiceException {

    private final Long existingId;

    public ConflictException(String message, Long existingId) {
        super(message);
        this.existingId = existingId;
    }

    public Long existingId() {
        return existingId;
    }
}
