package io.trackctl.benchmarks;

import io.trackctl.core.snapshot.SnapshotReader;
import io.trackctl.core.snapshot.WebhookHead;
import io.trackctl.core.snapshot.WebhookPayload;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.status.TrackStatus;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing the 12 KB delivered fixture into a snapshot (the apply worker), reading only its head
 * (webhook intake), and the status vocabulary mapping.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SnapshotParseBenchmark {

    private static final String[] SUBS = {"InTransit_PickedUp", "Delivered_Other", "Exception_Returning",
        "DeliveryFailure_NoBody", "InfoReceived", "Something_New"};
    private byte[] body;
    private int i;

    @Setup
    public void setUp() {
        body = Pushes.fixture();
    }

    @Benchmark
    public WebhookPayload parseSnapshot() {
        return SnapshotReader.readWebhook(body);
    }

    /** What webhook intake reads of the same body: its head, enough for the log row and the dedupe key. */
    @Benchmark
    public WebhookHead readHead() {
        return SnapshotReader.readWebhookHead(body);
    }

    @Benchmark
    public TrackStatus statusMapping() {
        String sub = SUBS[i++ % SUBS.length];
        return TrackStatus.parse(SubStatus.parse(sub).main().wire(), sub);
    }

    @Benchmark
    public MainStatus mainStatusParse() {
        return MainStatus.parse("OutForDelivery");
    }
}
