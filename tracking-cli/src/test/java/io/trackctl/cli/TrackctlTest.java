package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackctlTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("serve").contains("token");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aFailureIsOneLineUnlessTheStackTraceIsAskedFor() {
        CliRun plain = CliRun.of("token", "create", "--admin", "--ttl", "never", "--data-dir", dir.toString());
        assertThat(plain.err().lines().count()).isEqualTo(1);
        assertThat(plain.err()).doesNotContain("\tat ");

        CliRun traced = CliRun.of("--stacktrace", "token", "create", "--admin", "--ttl", "never", "--data-dir",
                dir.toString());
        assertThat(traced.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(traced.err()).contains("\tat ");
    }
}
