package io.trackctl.core.service;

/**
 * The failures a use case reports to its caller. Adapters (HTTP, CLI) map each kind once; the
 * message is safe to show: it never carries a secret or another tenant's data.
 */
public abstract sealed class ServiceException extends RuntimeException
        permits ValidationException, NotFoundException, ConflictException, ForbiddenException {

    protected ServiceException(String message) {
        super(message, null, false, false);
    }
}
