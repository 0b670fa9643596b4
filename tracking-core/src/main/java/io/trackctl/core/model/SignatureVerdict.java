package io.trackctl.core.model;

public enum SignatureVerdict {
    VALID,
    MISSING,
    INVALID,
    STALE_TIMESTAMP,
    NOT_CONFIGURED,
    /** Not checked: the body was refused before (too large). */
    UNCHECKED
}
