package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.status.MainStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeDemoTest {

    @TempDir
    Path dir;

    @Test
    void theDemoMovesParcelsAndDeliversOneWithinAMinute() throws Exception {
        CommandLine cl = Trackctl.commandLine();
        ServeCommand serve = cl.getSubcommands().get("serve").getCommand();
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(
                () -> CliRun.on(cl, "serve", "--demo", "--port", "0", "--data-dir", dir.toString()));
        poll(() -> serve.demo() != null || running.isDone(), Duration.ofSeconds(60));
        assertThat(serve.demo()).as("demo started: %s", running.isDone() ? running.join().err() : "").isNotNull();
        try {
            Demo demo = serve.demo();
            List<Long> ids = demo.numbers().stream().map(TrackingNumber::id).toList();
            var tracking = serve.server().backend().tracking();
            boolean delivered = poll(() -> ids.stream().map(id -> tracking.findTracking(id).orElseThrow())
                    .anyMatch(t -> t.state().status().main() == MainStatus.DELIVERED), Duration.ofSeconds(60));
            assertThat(delivered).as("a demo parcel reached Delivered within a minute").isTrue();
            assertThat(demo.simulator().numbers()).containsAll(Demo.NUMBERS);

            String token = CliRun.of("token", "create", "--admin", "--data-dir", dir.toString()).out().strip();
            HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            serve.server().url() + "/api/v1/tracking?shopId=" + demo.shopId() + "&status=Delivered"))
                            .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("1Z999AA1000000");
        } finally {
            serve.stop();
        }
        CliRun run = running.get(30, TimeUnit.SECONDS);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Demo: a 17TRACK simulator").contains("token create --admin")
                .contains("curl -H").contains(Demo.NUMBERS.getFirst());
    }

    @Test
    void theDemoBringsItsOwnSimulator() {
        CliRun run = CliRun.of("serve", "--demo", "--17track-key", "k", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static boolean poll(java.util.function.BooleanSupplier done, Duration max) {
        Instant deadline = Instant.now().plus(max);
        while (Instant.now().isBefore(deadline)) {
            if (done.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(50_000_000L);
        }
        return done.getAsBoolean();
    }
}
