package io.trackctl.benchmarks.scale;

import io.trackctl.benchmarks.support.Java;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs a child JVM (the CLI jar or a class of this jar), fails on a non-zero exit, returns stdout and wall time. */
final class Children {

    record Ran(String stdout, Duration wall) {
    }

    private Children() {
    }

    static Ran java(List<String> jvmArgs, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Java.executable());
        cmd.addAll(jvmArgs);
        cmd.addAll(args);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited with " + code + ": " + out);
        }
        return new Ran(out, wall);
    }

    /** This benchmark jar, for running one of its classes in a child. */
    static Path ownJar() {
        try {
            return Path.of(Children.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
