package io.trackctl.cli;

/** Every exit code of {@code trackctl}, in one place. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command failed (the message on stderr says why). */
    public static final int FAILURE = 1;
    /** The command line or the configuration is wrong. */
    public static final int USAGE = 2;
    /** A dependency (the database) cannot be reached. */
    public static final int UNAVAILABLE = 3;

    private ExitCodes() {
    }
}
