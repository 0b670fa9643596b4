package io.trackctl.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.rules.EventIdentity;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotReader;
import io.trackctl.core.snapshot.WebhookPayload;
import java.util.List;
import java.util.Random;
import java.util.Set;
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

    private static Set<String> keys(Snapshot s) {
        return s.events().stream().map(EventIdentity::key).collect(Collectors.toSet());
    }

}
