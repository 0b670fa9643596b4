package io.trackctl.core.model;

/** What created a job. */
public enum JobTrigger {
    WEBHOOK,
    MANUAL,
    SCHEDULE,
    IMPORT,
    API
}
