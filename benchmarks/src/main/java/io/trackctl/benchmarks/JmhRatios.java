package io.trackctl.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackctl.benchmarks.support.Stats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file into the figure lines of RESULTS.md: each benchmark against its
 * limit from the same run, as the ratio of the medians of the measured iterations, with the
 * widest ratio the iterations allow as the spread.
 */
public final class JmhRatios {

    private record Pair(String figure, String measured, String limit, double target, String unit) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("dedupe check vs bare putIfAbsent, 4096 pushes (pushes and map in cache)",
                    "DedupeBenchmark.dedupeCheck[pushCount=4096]", "DedupeBenchmark.barePutIfAbsent[pushCount=4096]",
                    0.5, "ops/us"),
            new Pair("dedupe check vs bare putIfAbsent, 65536 pushes (streamed from memory)",
                    "DedupeBenchmark.dedupeCheck[pushCount=65536]", "DedupeBenchmark.barePutIfAbsent[pushCount=65536]",
                    0, "ops/us"),
            new Pair("Redis dedupe SET NX vs PING", "RedisDedupeBenchmark.firstSighting", "RedisDedupeBenchmark.ping",
                    0, "ops/ms"),
            new Pair("Redis dedupe EXISTS vs PING", "RedisDedupeBenchmark.seen", "RedisDedupeBenchmark.ping", 0, "ops/ms"),
            new Pair("database dedupe, new key (recordVerified) vs bare insert", "WebhookLogBenchmark.newKey",
                    "WebhookLogBenchmark.bareInsert", 0, "ops/s"),
            new Pair("database dedupe, duplicate key (recordVerified) vs bare insert", "WebhookLogBenchmark.duplicateKey",
                    "WebhookLogBenchmark.bareInsert", 0, "ops/s"),
            new Pair("signature verify, 12 KB, 2 keys vs one SHA-256", "SignatureBenchmark.verify",
                    "SignatureBenchmark.bareSha256", 0, "ops/ms"),
            new Pair("snapshot apply into SQLite, new events vs bare batch insert", "SnapshotApplyBenchmark.applyNew",
                    "SnapshotApplyBenchmark.bareInsert", 0, "events/s"),
            new Pair("snapshot re-apply (nothing new) vs bare batch insert", "SnapshotApplyBenchmark.reapply",
                    "SnapshotApplyBenchmark.bareInsert", 0, "events/s"));

    private JmhRatios() {
    }

    public static void main(String[] args) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Path.of(args.length > 0 ? args[0] : "jmh.json").toFile());
        Map<String, List<Double>> scores = new HashMap<>();
        for (JsonNode b : root) {
            String name = b.get("benchmark").asText().replace("io.trackctl.benchmarks.", "") + params(b.get("params"));
            List<Double> v = new ArrayList<>();
            for (JsonNode fork : b.get("primaryMetric").get("rawData")) {
                fork.forEach(x -> v.add(x.asDouble()));
            }
            scores.put(name, v);
        }
        for (Pair p : PAIRS) {
            List<Double> a = scores.get(p.measured());
            List<Double> b = scores.get(p.limit());
            if (a == null || b == null) {
                System.out.printf(Locale.ROOT, "RESULT|%s|-|missing from the JMH results: %s|-|%s%n", p.figure(),
                        a == null ? p.measured() : p.limit(), p.target() > 0 ? "FAIL" : "-");
                continue;
            }
            Stats sa = Stats.of(a);
            Stats sb = Stats.of(b);
            double ratio = sa.median() / sb.median();
            String target = p.target() > 0 ? ">= " + p.target() + "x" : "-";
            String pass = p.target() > 0 ? (ratio >= p.target() ? "pass" : "FAIL") : "-";
            System.out.printf(Locale.ROOT, "RESULT|%s|%.3f (%.3f..%.3f)|%s %s (limit %s)|%s|%s%n", p.figure(), ratio,
                    sa.min() / sb.max(), sa.max() / sb.min(), sa.format("%.1f"), p.unit(), sb.format("%.1f"), target, pass);
        }
        absolute(scores, "SnapshotParseBenchmark.parseSnapshot", "snapshot parse, 12 KB fixture (per parse)");
        absolute(scores, "SnapshotParseBenchmark.readHead", "push head read by intake, same fixture (per read)");
        absolute(scores, "SnapshotParseBenchmark.statusMapping", "status mapping (per mapping)");
    }

    /** A parameterised benchmark's parameters as {@code [name=value,...]}, empty when it has none. */
    private static String params(JsonNode params) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        params.fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
        return "[" + String.join(",", parts) + "]";
    }

    /** A figure with no limit of its own: microseconds per operation from a score in ops/us. */
    private static void absolute(Map<String, List<Double>> scores, String name, String figure) {
        List<Double> v = scores.get(name);
        if (v != null) {
            Stats s = Stats.of(v.stream().map(x -> 1 / x).toList());
            System.out.printf(Locale.ROOT, "RESULT|%s|-|%s us|-|-%n", figure, s.format("%.3f"));
        }
    }
}
