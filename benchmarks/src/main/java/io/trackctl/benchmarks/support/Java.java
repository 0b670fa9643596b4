package io.trackctl.benchmarks.support;

import java.nio.file.Path;

/** The java launcher of the running JDK, so that child processes use the same one. */
public final class Java {

    private Java() {
    }

    public static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
