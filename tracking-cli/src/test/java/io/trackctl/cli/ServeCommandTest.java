package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void serveStartsOnTheDataDirectoryAndAcceptsATokenFromTokenCreate() throws Exception {
        CommandLine cl = Trackctl.commandLine();
        ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(
                () -> CliRun.on(cl, "serve", "--port", "0", "--data-dir", dir.toString()));
        Instant deadline = Instant.now().plusSeconds(60);
        while (serve.server() == null && !running.isDone() && Instant.now().isBefore(deadline)) {
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
        assertThat(serve.server()).as("server started").isNotNull();
        try {
            assertThat(Files.exists(dir.resolve("trackctl.db"))).isTrue();
            String token = CliRun.of("token", "create", "--admin", "--data-dir", dir.toString()).out().strip();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + serve.server().port() + "/api/v1/health"))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            serve.stop();
        }
        CliRun run = running.get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("/api/v1").contains(dir.toAbsolutePath().normalize().toString())
                .contains("token create --admin");
    }

    @Test
    void anImpossiblePortIsAUsageError() {
        CliRun run = CliRun.of("serve", "--port", "70000", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("port");
    }

    @Test
    void anUnsupportedDatabaseUrlIsAUsageError() {
        CliRun run = CliRun.of("serve", "--db", "jdbc:mysql://localhost/x", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("db");
    }

    @Test
    void anUnreachableDatabaseEndsWithTheUnavailableCode() {
        CliRun run = CliRun.of("serve", "--port", "0", "--db", "jdbc:postgresql://127.0.0.1:1/none",
                "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err().lines().count()).isEqualTo(1);
    }
}
