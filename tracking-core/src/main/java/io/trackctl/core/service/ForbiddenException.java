package io.trackctl.core.service;

/** The caller is known but its role does not allow the action. */
public final class ForbiddenException extends ServiceException {

    public ForbiddenException(String message) {
        super(message);
    }
}
