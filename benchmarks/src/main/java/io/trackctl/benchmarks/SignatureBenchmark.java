package io.trackctl.benchmarks;

import io.trackctl.client.WebhookSignature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * Verifying the 17TRACK signature of the 12 KB delivered fixture (two keys configured, the second
 * one matching, as during a key rotation), against the limit: one bare SHA-256 of the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SignatureBenchmark {

    private byte[] body;
    private String header;
    private WebhookSignature verifier;

    @Setup
    public void setUp() {
        body = Pushes.fixture();
        header = WebhookSignature.sign(body, "current-key");
        verifier = WebhookSignature.of("old-key", "current-key");
    }

    @Benchmark
    public boolean verify() {
        return verifier.verify(body, header);
    }

    @Benchmark
    public byte[] bareSha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(body);
    }
}
