package io.trackctl.core.service;

/** The resource does not exist, or the caller may not know that it does. */
public final class NotFoundException extends ServiceException {

    public NotFoundException(String what, long id) {
        super(what + " " + id + " not found");
    }
}
