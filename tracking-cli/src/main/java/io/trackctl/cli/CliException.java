package io.trackctl.cli;

/** A failure a command reports as one line on stderr, with the exit code to end with. */
public final class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
