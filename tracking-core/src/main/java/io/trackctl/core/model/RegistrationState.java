package io.trackctl.core.model;

/** Where a tracking number stands with 17TRACK registration. */
public enum RegistrationState {
    /** Not sent yet (or no API key configured). */
    PENDING,
    /** 17TRACK accepted it, or already had it (-18019901). */
    REGISTERED,
    /** 17TRACK refused it; the reason is kept. */
    REJECTED
}
