package io.trackctl.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackctl.core.rules.EventIdentity;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotReader;
import io.trackctl.core.snapshot.WebhookPayload;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PushHistoriesTest {

    @Test
    void everyGeneratedPushReadsBackFromItsJsonAsTheSamePayload() {
        for (NumberHistory h : PushHistories.histories(new Random(42), 200)) {
            for (GeneratedPush p : h.pushes()) {
                WebhookPayload read = SnapshotReader.readWebhook(p.json());
                assertThat(read).as(p.jsonText()).isEqualTo(p.payload());
            }
        }
    }

    @Test
    void eachLaterSnapshotContainsTheEarlierEventsAndDoesNotGoBackInTime() {
        for (NumberHistory h : PushHistories.histories(new Random(7), 200)) {
            List<Snapshot> snaps = h.snapshots();
            assertThat(snaps).isNotEmpty();
            for (int i = 1; i < snaps.size(); i++) {
                Snapshot before = snaps.get(i - 1);
                Snapshot after = snaps.get(i);
                assertThat(keys(after)).containsAll(keys(before));
                assertThat(after.latestEventTime()).isAfterOrEqualTo(before.latestEventTime());
                assertThat(after.latestSyncTime()).isAfter(before.latestSyncTime());
                assertThat(after.providersHash()).isNotEqualTo(before.providersHash());
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameHistories() {
        List<String> a = PushHistories.histories(new Random(99), 20).stream()
                .flatMap(h -> h.pushes().stream()).map(GeneratedPush::jsonText).toList();
        List<String> b = PushHistories.histories(new Random(99), 20).stream()
                .flatMap(h -> h.pushes().stream()).map(GeneratedPush::jsonText).toList();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void theMixContainsTwoProviderHistoriesTiesAndStops() {
        List<NumberHistory> all = PushHistories.histories(new Random(1), 300);
        assertThat(all).anyMatch(h -> h.lastSnapshot().providers().size() == 2);
        assertThat(all).anyMatch(h -> h.lastSnapshot().providers().size() == 1);
        assertThat(all).anyMatch(NumberHistory::stopped);
        assertThat(all).anyMatch(h -> {
            List<Snapshot> s = h.snapshots();
            for (int i = 1; i < s.size(); i++) {
                if (s.get(i).latestEventTime().equals(s.get(i - 1).latestEventTime())) {
                    return true;
                }
            }
            return false;
        });
        assertThat(all).anyMatch(h -> h.lastSnapshot().providersHash() < 0);
    }

    @Test
    void twoProviderSnapshotsUseDifferentLocalOffsets() {
        NumberHistory h = PushHistories.histories(new Random(3), 100).stream()
                .filter(x -> x.lastSnapshot().providers().size() == 2).findFirst().orElseThrow();
        Set<Object> offsets = h.lastSnapshot().events().stream()
                .map(e -> e.localTime().getOffset()).collect(Collectors.toSet());
        assertThat(offsets).hasSizeGreaterThan(1);
    }

    @Test
    void interleavingKeepsEachNumbersOrder() {
        List<NumberHistory> hs = PushHistories.histories(new Random(5), 10);
        List<GeneratedPush> merged = PushHistories.interleaved(new Random(6), hs);
        assertThat(merged).hasSize(hs.stream().mapToInt(h -> h.pushes().size()).sum());
        for (NumberHistory h : hs) {
            assertThat(merged.stream().filter(p -> p.payload().number().equals(h.number())).toList())
                    .containsExactlyElementsOf(h.pushes());
        }
    }

    @Test
    void generatedJsonHasEveryFieldPathOfTheFixtures() {
        Set<String> generated = new TreeSet<>();
        for (NumberHistory h : PushHistories.histories(new Random(11), 50)) {
            for (GeneratedPush p : h.pushes()) {
                paths("", SnapshotReader.tree(p.json()), generated);
            }
        }
        for (String fixture : Fixtures.WEBHOOKS) {
            Set<String> expected = new TreeSet<>();
            paths("", SnapshotReader.tree(Fixtures.bytes(fixture)), expected);
            // Only present when a translation language was asked for at registration.
            expected.removeIf(path -> path.contains("description_translation"));
            assertThat(generated).as(fixture).containsAll(expected);
        }
    }

    @Test
    void stopsAndMinimalTestPushesHaveTheWireShapeOfTheFixtureAndTheDashboard() {
        assertThat(TestData.onTheWire(TestData.aStoppedPush("LX900000015CN", 3011, "ORD-10004")).jsonText())
                .isEqualTo("{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"LX900000015CN\","
                        + "\"carrier\":3011,\"param\":null,\"tag\":\"ORD-10004\"}}");
        GeneratedPush minimal = TestData.onTheWire(TestData.aMinimalTestPush("RR123456789CN", 3011));
        assertThat(minimal.jsonText()).isEqualTo(
                "{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"RR123456789CN\",\"carrier\":3011,"
                        + "\"param\":null,\"tag\":null}}");
        assertThat(SnapshotReader.readWebhook(minimal.json())).isEqualTo(minimal.payload());
    }

    @Test
    void shuffledWithRepeatsDeliversEveryPushOneToMaxTimes() {
        List<NumberHistory> hs = PushHistories.histories(new Random(8), 5);
        List<GeneratedPush> all = PushHistories.shuffledWithRepeats(new Random(9), hs, 3);
        for (NumberHistory h : hs) {
            for (GeneratedPush p : h.pushes()) {
                long n = all.stream().filter(x -> x == p).count();
                assertThat(n).isBetween(1L, 3L);
            }
        }
    }

    @Test
    void theSignatureHelperMatchesTheFixtureExamples() {
        assertThat(Signatures.sign(Fixtures.bytes(Fixtures.UPDATED_DELIVERED), Fixtures.SIGNATURE_KEY))
                .isEqualTo(Fixtures.UPDATED_DELIVERED_SIGN);
        assertThat(Signatures.sign(Fixtures.bytes(Fixtures.STOPPED), Fixtures.SIGNATURE_KEY))
                .isEqualTo(Fixtures.STOPPED_SIGN);
        byte[] compact = ("{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"LX900000015CN\",\"carrier\":3011,"
                + "\"param\":null,\"tag\":\"ORD-10004\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Signatures.sign(compact, Fixtures.SIGNATURE_KEY))
                .isEqualTo("9fff37242e963fbc6fe9a56706790c4316d80a19d635a5d448331a8a594b4675");
        assertThat(Signatures.sign(compact, "WRONGKEY"))
                .isEqualTo("006dc5bcd03b66a5da2722e7ff802400342a623099c7c56fd754d4d2f0ed68b4");
        assertThat(TestData.onTheWire(TestData.aStoppedPush("LX900000015CN", 3011, "ORD-10004")).json())
                .isEqualTo(compact);
    }

    private static void paths(String prefix, JsonNode node, Set<String> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> {
                out.add(prefix + "/" + f);
                paths(prefix + "/" + f, node.get(f), out);
            });
        } else if (node.isArray()) {
            node.forEach(child -> paths(prefix + "[]", child, out));
        }
    }

    private static Set<String> keys(Snapshot s) {
        return s.events().stream().map(EventIdentity::key).collect(Collectors.toSet());
    }

}
