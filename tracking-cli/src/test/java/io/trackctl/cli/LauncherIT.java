package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./trackctl} launcher at the repository root, run by bash against the jar this build
 * packaged: which Java it picks, the class-data archive (Java 21 to 24) or AOT cache (Java 25 and
 * newer) each command gets, and that a command's output stays its own. Runs after {@code package}
 * (failsafe), when the jar is newer than the sources, so the launcher does not build.
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
        Path current = fakeJdk("jdk21", "21.0.5");
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
    void onJava25ACommandRecordsThenAssemblesInTheBackgroundThenMapsItsCache() throws Exception {
        Path jdk = fakeJdk("jdk25", "25.0.3");
        Map<String, String> env = Map.of("TRACKCTL_JAVA_HOME", jdk.toString());
        try {
            Run first = launch(env, "list");
            assertThat(first.exit).as(first.toString()).isZero();
            Path record = recordOf(first);
            assertThat(record.getParent()).isEqualTo(JAR.getParent());
            assertThat(record.getFileName().toString()).matches("trackctl-cli-" + jarStamp() + "-[0-9]+\\.aotconf");
            assertThat(first.stdoutLines()).containsExactly("-XX:AOTMode=record", "-XX:AOTConfiguration=" + record,
                    "-XX:+DisplayVMOutputToStderr", "-Xlog:aot*=off", "-Xlog:cds*=off", "-jar", JAR.toString(), "list");
            // What the JVM writes when the recording run exits.
            writeRecord(record, Duration.ZERO);
            assertThat(launch(env, "list").stdoutLines()).as("a record a moment old may still be growing")
                    .containsExactly("-jar", JAR.toString(), "list");
            assertThat(record).exists();
            writeRecord(record, Duration.ofSeconds(10));

            Run second = launch(env, "list");
            assertThat(second.stdoutLines()).as("runs without a cache while it is assembled")
                    .containsExactly("-jar", JAR.toString(), "list");
            Path cache = cacheOf(record);
            awaitGone(record);
            awaitGone(Path.of(cache + ".lock"));
            assertThat(Files.readString(cache)).isEqualTo("assembled from recorded");
            assertThat(siblings(cache.getFileName() + ".")).as("no temporary file left").isEmpty();

            assertThat(launch(env, "list").stdoutLines()).containsExactly("-XX:AOTCache=" + cache,
                    "-Xlog:aot*=off", "-Xlog:cds*=off", "-jar", JAR.toString(), "list");
            assertThat(launch(env, "serve").stdoutLines()).first().asString()
                    .startsWith("-XX:AOTMode=record").doesNotContain("cli");

            // The same version at another path is another JDK: it records a cache of its own.
            Path other = fakeJdk("jdk25b", "25.0.3");
            Run elsewhere = launch(Map.of("TRACKCTL_JAVA_HOME", other.toString()), "list");
            assertThat(elsewhere.stdoutLines().get(1)).startsWith("-XX:AOTConfiguration=")
                    .isNotEqualTo("-XX:AOTConfiguration=" + record);
        } finally {
            deleteStamped();
        }
    }

    @Test
    void anAssemblyUnderWayIsLeftAloneAndOneLeftByADeadRunIsTakenOver() throws Exception {
        Path jdk = fakeJdk("jdk25", "25.0.3");
        Map<String, String> env = Map.of("TRACKCTL_JAVA_HOME", jdk.toString());
        try {
            Path record = recordOf(launch(env, "list"));
            writeRecord(record, Duration.ofSeconds(10));
            Path cache = cacheOf(record);
            Path lock = Files.createDirectory(Path.of(cache + ".lock"));

            assertThat(launch(env, "list").stdoutLines()).containsExactly("-jar", JAR.toString(), "list");
            assertThat(record).as("another run is assembling it").exists();
            assertThat(cache).doesNotExist();

            Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));
            launch(env, "list");
            awaitGone(record);
            awaitGone(lock);
            assertThat(cache).isNotEmptyFile();
        } finally {
            deleteStamped();
        }
    }

    @Test
    void afterTwoFailedAssembliesTheJarAndJdkKeepTheArchive() throws Exception {
        Path jdk = fakeJdk("jdk25", "25.0.3");
        Files.writeString(jdk.resolve("fail-create"), "");
        Map<String, String> env = Map.of("TRACKCTL_JAVA_HOME", jdk.toString());
        try {
            for (int attempt = 1; attempt <= 2; attempt++) {
                Run recording = launch(env, "list");
                assertThat(recording.stdoutLines()).as("attempt " + attempt).first().isEqualTo("-XX:AOTMode=record");
                Path record = recordOf(recording);
                writeRecord(record, Duration.ofSeconds(10));
                Path cache = cacheOf(record);

                assertThat(launch(env, "list").exit).isZero();
                awaitGone(record);
                awaitGone(Path.of(cache + ".lock"));
                assertThat(cache).doesNotExist();
                assertThat(Files.readAllLines(Path.of(cache + ".failed"))).hasSize(attempt);
            }
            assertThat(launch(env, "list").stdoutLines()).containsExactly("-XX:SharedArchiveFile=" + archive("cli"),
                    "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-jar", JAR.toString(), "list");
        } finally {
            deleteStamped();
        }
    }

    @Test
    void java25GetsTheArchiveWithOptionsOfItsOwnOrWhenTheJdkCannotBeToldApart() throws Exception {
        Path jdk = fakeJdk("jdk25", "25.0.3");
        Run withOpts = launch(Map.of("TRACKCTL_JAVA_HOME", jdk.toString(), "TRACKCTL_JAVA_OPTS", "-Xmx64m"), "list");
        assertThat(withOpts.stdoutLines()).containsExactly("-XX:SharedArchiveFile=" + archive("cli"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-Xmx64m", "-jar", JAR.toString(), "list");

        // A launcher stub with no release file beside it (as macOS's /usr/bin/java): asked its version.
        Path stub = fakeJdk("stub", "25.0.3");
        Files.delete(stub.resolve("release"));
        Run stubbed = launch(Map.of("TRACKCTL_JAVA_HOME", stub.toString()), "list");
        assertThat(stubbed.stdoutLines()).containsExactly("-XX:SharedArchiveFile=" + archive("cli"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-jar", JAR.toString(), "list");
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
        Path jdk = fakeJdk("jdk21", "21");
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--help"), List.of("-V"), List.of("serve", "--help"),
                List.of("help", "list"), List.of("completion"), List.of("--stacktrace", "help"), List.of("-hV"))) {
            Run run = launch(Map.of("TRACKCTL_JAVA_HOME", jdk.toString()), args.toArray(String[]::new));
            assertThat(run.stdout).as(args.toString()).doesNotContain("SharedArchiveFile").contains("-jar");
        }
        Path jdk25 = fakeJdk("jdk25", "25");
        for (List<String> args : List.<List<String>>of(List.of("--help"), List.of("serve", "--help"), List.of("help"))) {
            Run run = launch(Map.of("TRACKCTL_JAVA_HOME", jdk25.toString()), args.toArray(String[]::new));
            assertThat(run.stdout).as(args.toString()).doesNotContain("AOT").contains("-jar");
        }
    }

    @Test
    void javaOptionsComeAfterTheArchiveAndTheArchiveCanBeTurnedOff() throws Exception {
        Path jdk = fakeJdk("jdk21", "21");
        Run withOpts = launch(Map.of("TRACKCTL_JAVA_HOME", jdk.toString(), "TRACKCTL_JAVA_OPTS", "-Xmx64m -Dx=1"),
                "list");
        assertThat(withOpts.stdoutLines()).containsExactly("-XX:SharedArchiveFile=" + archive("cli"),
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off", "-Xmx64m", "-Dx=1", "-jar", JAR.toString(), "list");

        Run off = launch(Map.of("TRACKCTL_JAVA_HOME", jdk.toString(), "TRACKCTL_CDS", "off"), "list");
        assertThat(off.stdoutLines()).containsExactly("-jar", JAR.toString(), "list");
    }

    @Test
    void javaOptionsThatChooseClassSharingThemselvesGetNoneFromTheLauncher() throws Exception {
        for (String version : List.of("21", "25")) {
            Path jdk = fakeJdk("jdk" + version, version);
            for (String opts : List.of("-Xshare:off", "-XX:SharedArchiveFile=/tmp/mine.jsa", "-XX:AOTCache=/tmp/mine.aot",
                    "-Xmx64m -XX:ArchiveClassesAtExit=/tmp/mine.jsa")) {
                Run run = launch(Map.of("TRACKCTL_JAVA_HOME", jdk.toString(), "TRACKCTL_JAVA_OPTS", opts), "list");
                List<String> expected = new ArrayList<>(List.of(opts.split(" ")));
                expected.addAll(List.of("-jar", JAR.toString(), "list"));
                assertThat(run.stdoutLines()).as(version + " " + opts).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void aRealRunWritesTheArchiveOnceAndMapsItAfterwardsWithoutAWordInTheOutput() throws Exception {
        deleteStamped();
        Path data = dir.resolve("data");
        try {
            Run off = launch(Map.of("TRACKCTL_CDS", "off"), "list", "--data-dir", data.toString());
            assertThat(off.exit).as(off.toString()).isZero();
            assertThat(siblings("trackctl-cli-")).isEmpty();

            if (launcherJavaMajor() >= 25) {
                // The recording run: the command's output and exit code as without it, and on standard
                // error, last, the JVM's word of where it recorded.
                Run offFailing = launch(Map.of("TRACKCTL_CDS", "off"), "show", "NO-SUCH-NUMBER", "--data-dir",
                        data.toString());
                assertThat(offFailing.exit).as(offFailing.toString()).isNotZero();
                Run first = launch(Map.of(), "show", "NO-SUCH-NUMBER", "--data-dir", data.toString());
                assertThat(first.exit).as(first.toString()).isEqualTo(offFailing.exit);
                assertThat(first.stdout).isEqualTo(offFailing.stdout);
                assertThat(first.stderr).startsWith(offFailing.stderr);
                assertThat(first.stderr.substring(offFailing.stderr.length()).strip())
                        .matches("AOTConfiguration recorded: .*trackctl-cli-[0-9]+-[0-9]+\\.aotconf");
                Path record = siblings("trackctl-cli-").getFirst();
                assertThat(siblings("trackctl-cli-")).singleElement().asString().endsWith(".aotconf");
                // The launcher leaves a record a moment old alone: it may still be growing.
                Files.setLastModifiedTime(record, FileTime.from(Instant.now().minusSeconds(10)));

                Run second = launch(Map.of(), "list", "--data-dir", data.toString());
                assertThat(second.exit).as(second.toString()).isZero();
                assertThat(second.stdout).isEqualTo(off.stdout);
                assertThat(second.stderr).isEqualTo(off.stderr);
                Path cache = awaitSingle("trackctl-cli-", ".aot");

                // Told through the JVM's own variable, which the launcher does not read: with options of
                // its own in TRACKCTL_JAVA_OPTS it would give the archive instead.
                Path aotLog = dir.resolve("aot.log");
                Run third = launch(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:aot=info:file=" + aotLog), "list", "--data-dir",
                        data.toString());
                assertThat(third.exit).as(third.toString()).isZero();
                assertThat(third.stdout).isEqualTo(off.stdout);
                assertThat(Files.readString(aotLog)).contains("Opened AOT cache " + cache);
            } else {
                Path archive = archive("cli");
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
        } finally {
            deleteStamped();
        }
    }

    @Test
    void archivesOfEarlierJarsAreRemoved() throws Exception {
        // As a server still running when the jar was rebuilt leaves behind: the JVM would only
        // ignore such an archive, run after run.
        Path earlier = JAR.resolveSibling("trackctl-cli-1.jsa");
        Path earlierCache = JAR.resolveSibling("trackctl-cli-1-42.aot");
        Path earlierLock = JAR.resolveSibling("trackctl-cli-1-42.aot.lock");
        Path otherKind = JAR.resolveSibling("trackctl-serve-1.jsa");
        Path stampPrefix = JAR.resolveSibling("trackctl-cli-" + jarStamp() + "0.jsa");
        try {
            Files.writeString(earlier, "an archive of an earlier jar");
            Files.writeString(earlierCache, "a cache of an earlier jar");
            Files.createDirectories(earlierLock);
            Files.writeString(otherKind, "left to serve's runs");
            Files.writeString(stampPrefix, "a later jar's stamp that only begins like this one's");

            for (String version : List.of("21", "25")) {
                Files.writeString(earlier, "an archive of an earlier jar");
                Run run = launch(Map.of("TRACKCTL_JAVA_HOME", fakeJdk("jdk" + version, version).toString()), "list");

                assertThat(run.exit).as(run.toString()).isZero();
                assertThat(earlier).as(version).doesNotExist();
                assertThat(earlierCache).doesNotExist();
                assertThat(earlierLock).doesNotExist();
                assertThat(stampPrefix).doesNotExist();
                assertThat(otherKind).exists();
            }
        } finally {
            Files.deleteIfExists(otherKind);
            Files.deleteIfExists(stampPrefix);
            deleteStamped();
        }
    }

    /** Where the launcher keeps {@code kind}'s archive on Java 21 to 24 for the jar as it is now. */
    private static Path archive(String kind) throws IOException {
        return JAR.resolveSibling("trackctl-" + kind + "-" + jarStamp() + ".jsa");
    }

    /** The jar's modification time in seconds, as the launcher puts it in its files' names. */
    private static long jarStamp() throws IOException {
        return Files.getLastModifiedTime(JAR).toMillis() / 1000;
    }

    /** The files next to the jar whose names start with {@code prefix}. */
    private static List<Path> siblings(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(JAR.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    /** Removes what the launcher keeps next to the jar for the jar as it is now, caches under way included. */
    private static void deleteStamped() throws IOException {
        for (String kind : List.of("cli", "serve")) {
            for (Path p : siblings("trackctl-" + kind + "-" + jarStamp())) {
                Files.deleteIfExists(p); // a lock is an empty directory
            }
        }
    }

    /** Writes a record as a recording run's JVM does when it exits, {@code age} ago. */
    private static void writeRecord(Path record, Duration age) throws IOException {
        Files.writeString(record, "recorded");
        Files.setLastModifiedTime(record, FileTime.from(Instant.now().minus(age)));
    }

    /** The record a recording run was told to write, read off the fake JDK's printed arguments. */
    private static Path recordOf(Run recording) {
        return Path.of(recording.stdoutLines().get(1).substring("-XX:AOTConfiguration=".length()));
    }

    /** The cache the launcher assembles from {@code record}. */
    private static Path cacheOf(Path record) {
        return record.resolveSibling(record.getFileName().toString().replace(".aotconf", ".aot"));
    }

    /** Waits until {@code path} is gone: a background assembly ends with its record and lock removed. */
    private static void awaitGone(Path path) throws Exception {
        await(() -> Files.exists(path) ? null : path, path + " still there");
    }

    /** Waits until the one file next to the jar starting with {@code prefix} ends with {@code suffix}, and returns it. */
    private static Path awaitSingle(String prefix, String suffix) throws Exception {
        return await(() -> {
            List<Path> found = siblings(prefix);
            return found.size() == 1 && found.getFirst().toString().endsWith(suffix) ? found.getFirst() : null;
        }, "expected only a " + suffix + " file starting " + prefix);
    }

    /** Polls {@code probe} until it answers, for at most 120 s. */
    private static <T> T await(Callable<T> probe, String failure) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (T found = probe.call(); ; found = probe.call()) {
            if (found != null) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " after 120 s");
            }
            Thread.sleep(50);
        }
    }

    /** The major version of the Java the launcher picks on this machine, asked through the launcher itself. */
    private int launcherJavaMajor() throws Exception {
        Run run = launch(Map.of("TRACKCTL_CDS", "off", "TRACKCTL_JAVA_OPTS", "-XshowSettings:properties -version"),
                "list");
        Matcher m = Pattern.compile("java\\.specification\\.version = (\\d+)").matcher(run.stderr);
        assertThat(m.find()).as(run.toString()).isTrue();
        return Integer.parseInt(m.group(1));
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
        Files.writeString(home.resolve("version"), version);
        Path java = home.resolve("bin/java");
        // Prints its arguments; told to assemble an AOT cache, writes one from the record instead.
        Files.writeString(java, """
                #!/bin/sh
                create=; conf=; out=
                for a in "$@"; do
                  case "$a" in
                    -XX:AOTMode=create) create=1 ;;
                    -XX:AOTConfiguration=*) conf="${a#-XX:AOTConfiguration=}" ;;
                    -XX:AOTCache=*) out="${a#-XX:AOTCache=}" ;;
                  esac
                done
                home="$(dirname "$(dirname "$0")")"
                if [ -n "$create" ]; then
                  [ -e "$home/fail-create" ] && exit 1
                  printf 'assembled from %s' "$(cat "$conf")" > "$out"; exit 0
                fi
                if [ "$1" = "-XshowSettings:properties" ]; then
                  echo "    java.specification.version = $(cat "$home/version")" >&2; exit 0
                fi
                printf '%s\\n' "$@"
                """);
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
