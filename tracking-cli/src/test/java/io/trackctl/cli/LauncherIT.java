package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./trackctl} launcher at the repository root, run by bash against the jar this build
 * packaged: which Java it picks, the class-data archive each command gets, and that a command's
 * output stays its own. Runs after {@code package} (failsafe), when the jar is newer than the
 * sources, so the launcher does not build.
 */
class LauncherIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path LAUNCHER = ROOT.resolve("trackctl");
    private static final Path JAR = ROOT.resolve("tracking-cli/target/trackctl.jar");

    @TempDir
    Path dir;

    @BeforeAll
    static void jarIsBuilt() {
        // Failsafe runs this after package, so the jar is always there; without it the launcher would build.
        assertThat(JAR).as("the packaged jar").isRegularFile();
    }

    @Test
    void picksTheFirstJava21OrNewerByItsReleaseFileAndGivesEachCommandItsArchive() throws Exception {
        Path old = fakeJdk("jdk17", "17.0.12");
        Path current = fakeJdk("jdk99", "99.0.1");
        Map<String, String> env = Map.of("TRACKCTL_JAVA_HOME", old.toString(), "JAVA_HOME", current.toString());

        Run serve = launch(env, "serve", "--port", "1");
        assertThat(serve.exit).isZero();
        assertThat(serve.stdoutLines()).containsExactly("-XX:SharedArchiveFile=" + archive("serve"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-jar", JAR.toString(), "serve", "--port", "1");

        Run list = launch(env, "list", "--all");
        assertThat(list.stdoutLines()).containsExactly("-XX:SharedArchiveFile=" + archive("cli"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-jar", JAR.toString(), "list", "--all");

        assertThat(launch(env, "--stacktrace", "serve").stdoutLines()).first()
                .isEqualTo("-XX:SharedArchiveFile=" + archive("serve"));
    }

    @Test
    void passesOverAJdkThatCannotRunHere() throws Exception {
        Path notExecutable = fakeJdk("broken", "99", null);
        Files.setPosixFilePermissions(notExecutable.resolve("bin/java"), PosixFilePermissions.fromString("rw-r--r--"));
        Path otherProcessor = fakeJdk("foreign", "99", "s390x");
        Files.writeString(otherProcessor.resolve("bin/java"), "#!/bin/sh\nexit 126\n"); // as a foreign binary fails
        Path good = fakeJdk("good", "99", "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : null);

        Run run = launch(Map.of("TRACKCTL_JAVA_HOME", notExecutable.toString(), "JAVA_HOME", otherProcessor.toString(),
                "PATH", good.resolve("bin") + ":/usr/bin:/bin"), "list");

        assertThat(run.exit).as(run.toString()).isZero();
        assertThat(run.stdoutLines()).contains("-jar", "list");
    }

    @Test
    void helpAndVersionRunsWriteNoArchive() throws Exception {
        Path jdk = fakeJdk("jdk99", "99");
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--help"), List.of("-V"), List.of("serve", "--help"),
                List.of("help", "list"), List.of("completion"), List.of("--stacktrace", "help"), List.of("-hV"))) {
            Run run = launch(Map.of("TRACKCTL_JAVA_HOME", jdk.toString()), args.toArray(String[]::new));
            assertThat(run.stdout).as(args.toString()).doesNotContain("SharedArchiveFile").contains("-jar");
        }
    }

    @Test
    void javaOptionsComeAfterTheArchiveAndTheArchiveCanBeTurnedOff() throws Exception {
        Path jdk = fakeJdk("jdk99", "99");
        Run withOpts = launch(Map.of("TRACKCTL_JAVA_HOME", jdk.toString(), "TRACKCTL_JAVA_OPTS", "-Xmx64m -Dx=1"),
                "list");
        assertThat(withOpts.stdoutLines()).containsExactly("-XX:SharedArchiveFile=" + archive("cli"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-Xmx64m", "-Dx=1", "-jar", JAR.toString(), "list");

        Run off = launch(Map.of("TRACKCTL_JAVA_HOME", jdk.toString(), "TRACKCTL_CDS", "off"), "list");
        assertThat(off.stdoutLines()).containsExactly("-jar", JAR.toString(), "list");
    }

    @Test
    void aRealRunWritesTheArchiveOnceAndMapsItAfterwardsWithoutAWordInTheOutput() throws Exception {
        Path archive = archive("cli");
        Files.deleteIfExists(archive);
        Path data = dir.resolve("data");

        Run off = launch(Map.of("TRACKCTL_CDS", "off"), "list", "--data-dir", data.toString());
        assertThat(off.exit).as(off.toString()).isZero();
        assertThat(archive).doesNotExist();

        Run first = launch(Map.of(), "list", "--data-dir", data.toString());
        assertThat(first.exit).as(first.toString()).isZero();
        assertThat(first.stdout).isEqualTo(off.stdout).contains("0 in all");
        assertThat(first.stderr).isEqualTo(off.stderr).doesNotContain("cds");
        assertThat(archive).isNotEmptyFile();

        Path cdsLog = dir.resolve("cds.log");
        Run second = launch(Map.of("TRACKCTL_JAVA_OPTS", "-Xlog:cds=info:file=" + cdsLog), "list", "--data-dir",
                data.toString());
        assertThat(second.exit).as(second.toString()).isZero();
        assertThat(second.stdout).isEqualTo(off.stdout);
        assertThat(Files.readString(cdsLog)).contains("Mapped dynamic region");
    }

    @Test
    void archivesOfEarlierJarsAreRemoved() throws Exception {
        // As a server still running when the jar was rebuilt leaves behind: the JVM would only
        // ignore such an archive, run after run.
        Path earlier = archive("cli").resolveSibling("trackctl-cli-1.jsa");
        Files.writeString(earlier, "an archive of an earlier jar");
        Path otherKind = archive("serve").resolveSibling("trackctl-serve-1.jsa");
        Files.writeString(otherKind, "left to serve's runs");

        Run run = launch(Map.of(), "list", "--data-dir", dir.resolve("data").toString());

        assertThat(run.exit).as(run.toString()).isZero();
        assertThat(earlier).doesNotExist();
        assertThat(archive("cli")).isNotEmptyFile();
        assertThat(otherKind).exists();
        Files.delete(otherKind);
    }

    /** Where the launcher keeps {@code kind}'s archive for the jar as it is now. */
    private static Path archive(String kind) throws IOException {
        long mtime = Files.getLastModifiedTime(JAR).toMillis() / 1000;
        return JAR.resolveSibling("trackctl-" + kind + "-" + mtime + ".jsa");
    }

    /** A JDK directory whose {@code release} file names {@code version} and whose java prints its arguments. */
    private Path fakeJdk(String name, String version) throws IOException {
        return fakeJdk(name, version, null);
    }

    /** The same, with {@code arch} as the processor its release file names (none when null). */
    private Path fakeJdk(String name, String version, String arch) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name).resolve("bin")).getParent();
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n"
                + (arch == null ? "" : "OS_ARCH=\"" + arch + "\"\n"));
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("TRACKCTL_"));
        pb.environment().putAll(env);
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish within 120 s: " + command);
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.lines().toList();
        }
    }
}
