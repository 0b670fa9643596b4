package io.trackctl.core.model;

public enum ImportStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    COMPLETED_WITH_ERRORS,
    FAILED;

    public boolean finished() {
        return switch (this) {
            case COMPLETED, COMPLETED_WITH_ERRORS, FAILED -> true;
            case PENDING, RUNNING -> false;
        };
    }
}
