package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {

    @Test
    void simulateServesThe17TrackApiWithTheKeyItPrintsUntilStopped() throws Exception {
        CommandLine cl = Trackctl.commandLine();
        SimulateCommand simulate = cl.getSubcommands().get("simulate").getCommand();
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(
                () -> CliRun.on(cl, "simulate", "--key", "test-key-123", "--speed", "PT0S"));
        Instant deadline = Instant.now().plusSeconds(30);
        while (simulate.simulator() == null && !running.isDone() && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(10_000_000L);
        }
        assertThat(simulate.simulator()).isNotNull();
        try {
            HttpResponse<String> quota = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(simulate.simulator().baseUri() + "getquota"))
                            .header("17token", "test-key-123").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(quota.statusCode()).isEqualTo(200);
            assertThat(quota.body()).contains("\"code\":0");
        } finally {
            simulate.stop();
        }
        CliRun run = running.get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains(simulate.simulator().baseUri().toString()).contains("test-key-123");
    }
}
