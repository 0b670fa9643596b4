package io.trackctl.core.model;

/** The kinds of asynchronous work. */
public enum JobKind {
    /** Apply a stored webhook delivery. */
    APPLY_WEBHOOK,
    /** Register tracking numbers with 17TRACK. */
    REGISTER,
    /** Pull the current snapshot of tracking numbers from 17TRACK. */
    PULL,
    /** Run an import job. */
    IMPORT
}
