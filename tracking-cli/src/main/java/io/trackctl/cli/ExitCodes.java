package io.trackctl.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every exit code of {@code trackctl}, in one place, with the text {@code --help} shows for it. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command failed (the message on stderr says why). */
    public static final int FAILURE = 1;
    /** The command line, the input or the configuration is wrong. */
    public static final int USAGE = 2;
    /** A dependency cannot be reached or is not configured (the database, the 17TRACK API key). */
    public static final int UNAVAILABLE = 3;
    /** A shop, tracking number, job or delivery named on the command line does not exist. */
    public static final int NOT_FOUND = 4;
    /** An import finished, but some of its rows failed. */
    public static final int ROWS_FAILED = 5;
    /** The change conflicts with what is stored (a duplicate). */
    public static final int CONFLICT = 6;

    private ExitCodes() {
    }

    /** The exit codes as {@code --help} lists them. */
    static Map<String, String> described() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(OK + "", "ok");
        m.put(FAILURE + "", "failure");
        m.put(USAGE + "", "usage: wrong arguments, input or configuration");
        m.put(UNAVAILABLE + "", "unavailable or not configured: database unreachable, no 17TRACK key");
        m.put(NOT_FOUND + "", "not found: no such shop, tracking number, job or delivery");
        m.put(ROWS_FAILED + "", "rows failed: an import finished with failed rows");
        m.put(CONFLICT + "", "conflict: already exists");
        return m;
    }
}
