package io.trackctl.core.model;

public enum JobStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED
}
