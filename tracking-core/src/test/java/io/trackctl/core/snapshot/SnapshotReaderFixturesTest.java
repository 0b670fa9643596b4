package io.trackctl.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.testing.Fixtures;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every fixture file read by {@link SnapshotReader} and compared against the same JSON walked
 * independently with a plain Jackson tree: nothing is lost, nothing is invented.
 */
class SnapshotReaderFixturesTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    static final List<String> WITH_TRACK_INFO = List.of(Fixtures.UPDATED_INFO_RECEIVED,
            Fixtures.UPDATED_IN_TRANSIT_CUSTOMS, Fixtures.UPDATED_DELIVERED, Fixtures.GETTRACKINFO_MIXED);

    /** What a fixture says about one event, read without the reader. */
    private record Expected(int provider, Instant utc, String iso, String description, String location,
                            String stage, String subStatus) {
    }

    @ParameterizedTest
    @FieldSource("WITH_TRACK_INFO")
    void everyEventOfEveryProviderIsReadWithItsInstantOffsetTextAndStatus(String fixture) throws Exception {
        JsonNode root = PLAIN.readTree(Fixtures.bytes(fixture));
        List<JsonNode> items = itemsWithTrackInfo(root);
        assertThat(items).isNotEmpty();
        for (JsonNode item : items) {
            Snapshot s = read(fixture, item);
            List<Expected> expected = expectedEvents(item.get("track_info"));
            assertThat(expected).isNotEmpty();
            assertThat(s.events()).hasSize(expected.size());
            int providers = item.get("track_info").get("tracking").get("providers").size();
            assertThat(s.providers()).hasSize(providers);
            for (Expected e : expected) {
                assertThat(s.events()).as("%s: %s", fixture, e).anySatisfy(actual -> {
                    assertThat(actual.providerKey()).isEqualTo(e.provider());
                    assertThat(actual.timeUtc()).isEqualTo(e.utc());
                    assertThat(actual.localTime()).isEqualTo(OffsetDateTime.parse(e.iso()));
                    assertThat(actual.localTime().toInstant()).isEqualTo(actual.timeUtc());
                    assertThat(actual.localTime().getOffset())
                            .isEqualTo(OffsetDateTime.parse(e.iso()).getOffset());
                    assertThat(actual.description()).isEqualTo(e.description());
                    assertThat(actual.location()).isEqualTo(e.location());
                    assertThat(actual.rawStage()).isEqualTo(e.stage());
                    assertThat(actual.stage()).isEqualTo(Stage.parse(e.stage()));
                    assertThat(actual.rawSubStatus()).isEqualTo(e.subStatus());
                    assertThat(actual.subStatus()).isNotEqualTo(SubStatus.UNKNOWN).isEqualTo(SubStatus.parse(e.subStatus()));
                });
            }
            assertThat(s.events()).isSortedAccordingTo(Comparator.comparing(SnapshotEvent::timeUtc).reversed());
        }
    }

    @ParameterizedTest
    @FieldSource("WITH_TRACK_INFO")
    void numberCarrierTagStatusHashesAndSyncTimesAreRead(String fixture) throws Exception {
        JsonNode root = PLAIN.readTree(Fixtures.bytes(fixture));
        for (JsonNode item : itemsWithTrackInfo(root)) {
            Snapshot s = read(fixture, item);
            JsonNode ti = item.get("track_info");
            assertThat(s.number()).isEqualTo(item.get("number").asText());
            assertThat(s.carrier()).isEqualTo(item.get("carrier").asInt());
            assertThat(s.tag()).isEqualTo(item.get("tag").isNull() ? null : item.get("tag").asText());
            assertThat(s.status().rawMain()).isEqualTo(ti.at("/latest_status/status").asText());
            assertThat(s.status().rawSub()).isEqualTo(ti.at("/latest_status/sub_status").asText());
            assertThat(s.status().main()).isNotEqualTo(MainStatus.UNKNOWN);
            assertThat(s.status().sub().main()).isEqualTo(s.status().main());
            assertThat(s.providersHash()).isEqualTo(ti.at("/tracking/providers_hash").asLong());
            JsonNode providers = ti.at("/tracking/providers");
            for (int i = 0; i < providers.size(); i++) {
                JsonNode p = providers.get(i);
                ProviderTrack actual = s.providers().get(i);
                assertThat(actual.key()).isEqualTo(p.at("/provider/key").asInt());
                assertThat(actual.name()).isEqualTo(p.at("/provider/name").asText());
                assertThat(actual.country()).isEqualTo(p.at("/provider/country").asText());
                assertThat(actual.eventsHash()).isEqualTo(p.get("events_hash").asLong());
                assertThat(actual.latestSyncTime()).isEqualTo(Instant.parse(p.get("latest_sync_time").asText()));
            }
            JsonNode le = ti.get("latest_event");
            assertThat(s.latestEvent().timeUtc()).isEqualTo(Instant.parse(le.get("time_utc").asText()));
            assertThat(s.latestEventTime()).isEqualTo(s.events().getFirst().timeUtc());
            assertThat(s.newestEvent().description()).isEqualTo(le.get("description").asText());
        }
    }

    @Test
    void theDeliveredFixtureHasTwoProvidersWithDifferentOffsetsAndADeliveryTime() {
        WebhookPayload p = SnapshotReader.readWebhook(Fixtures.bytes(Fixtures.UPDATED_DELIVERED));
        Snapshot s = p.snapshot();
        assertThat(p.type()).isEqualTo(WebhookEventType.TRACKING_UPDATED);
        assertThat(p.number()).isEqualTo("LX900000015CN");
        assertThat(s.events()).hasSize(7);
        assertThat(s.events().stream().map(e -> e.localTime().getOffset()).distinct())
                .containsExactlyInAnyOrder(ZoneOffset.ofHours(-5), ZoneOffset.ofHours(8));
        assertThat(s.status().main()).isEqualTo(MainStatus.DELIVERED);
        assertThat(s.deliveredAt()).isEqualTo(Instant.parse("2024-12-03T18:27:00Z"));
        assertThat(s.latestSyncTime()).isEqualTo(Instant.parse("2024-12-03T19:10:02Z"));
        assertThat(s.providersHash()).isEqualTo(2011936540L);
    }

    @Test
    void theCustomsFixtureKeepsANegativeProvidersHashAndTheOriginalLanguageText() {
        Snapshot s = SnapshotReader.readWebhook(Fixtures.bytes(Fixtures.UPDATED_IN_TRANSIT_CUSTOMS)).snapshot();
        assertThat(s.providersHash()).isEqualTo(-902117358L);
        assertThat(s.providers().get(1).eventsHash()).isEqualTo(-377120945L);
        assertThat(s.events()).extracting(SnapshotEvent::description).contains("航班已起飞");
        assertThat(s.events().getFirst().stage()).isEqualTo(Stage.UNKNOWN);
        assertThat(s.events().getFirst().rawStage()).isNull();
        assertThat(s.deliveredAt()).isNull();
    }

    @Test
    void theStoppedFixtureIsAStopWithoutSnapshot() {
        WebhookPayload p = SnapshotReader.readWebhook(Fixtures.bytes(Fixtures.STOPPED));
        assertThat(p.type()).isEqualTo(WebhookEventType.TRACKING_STOPPED);
        assertThat(p.rawType()).isEqualTo("TRACKING_STOPPED");
        assertThat(p.number()).isEqualTo("LX900000015CN");
        assertThat(p.carrier()).isEqualTo(3011);
        assertThat(p.tag()).isEqualTo("ORD-10004");
        assertThat(p.hasSnapshot()).isFalse();
    }

    @Test
    void envelopesThatAreNotPushesAreRefused() {
        for (String f : List.of(Fixtures.GETTRACKINFO_MIXED, Fixtures.REGISTER_MIXED)) {
            assertThatThrownBy(() -> SnapshotReader.readWebhook(Fixtures.bytes(f)))
                    .isInstanceOf(MalformedPayloadException.class);
        }
    }

    @Test
    void everyFixtureIsValidJsonForTheLenientMapper() {
        for (String f : Fixtures.ALL) {
            assertThat(SnapshotReader.tree(Fixtures.bytes(f)).isObject()).as(f).isTrue();
        }
    }

    @Test
    void theFixturesAreTheSharedFilesByteForByte() {
        assertThat(Fixtures.bytes(Fixtures.UPDATED_DELIVERED)).hasSize(12020);
        assertThat(Fixtures.bytes(Fixtures.STOPPED)).hasSize(145);
    }

    private static Snapshot read(String fixture, JsonNode item) {
        if (fixture.startsWith("webhook")) {
            return SnapshotReader.readWebhook(Fixtures.bytes(fixture)).snapshot();
        }
        return SnapshotReader.readTrackInfo(item.get("number").asText(), item.get("carrier").asInt(),
                item.get("tag").isNull() ? null : item.get("tag").asText(), item.get("track_info"));
    }

    static List<JsonNode> itemsWithTrackInfo(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode data = root.get("data");
        if (data.has("track_info")) {
            out.add(data);
        }
        for (JsonNode a : data.path("accepted")) {
            if (a.has("track_info")) {
                out.add(a);
            }
        }
        return out;
    }

    private static List<Expected> expectedEvents(JsonNode trackInfo) {
        List<Expected> out = new ArrayList<>();
        for (JsonNode p : trackInfo.get("tracking").get("providers")) {
            int key = p.get("provider").get("key").asInt();
            for (JsonNode e : p.get("events")) {
                out.add(new Expected(key, Instant.parse(e.get("time_utc").asText()), e.get("time_iso").asText(),
                        e.get("description").asText(), e.get("location").asText(),
                        e.get("stage").isNull() ? null : e.get("stage").asText(), e.get("sub_status").asText()));
            }
        }
        return out;
    }
}
