package io.trackctl.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackctl.core.status.MainStatus;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.testing.Fixtures;
import io.trackctl.core.testing.TestData;
import io.trackctl.core.testing.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotReaderLenienceTest {

    private static WebhookPayload read(String json) {
        return SnapshotReader.readWebhook(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unknownFieldsAnywhereAreIgnored() {
        WebhookPayload plain = SnapshotReader.readWebhook(Fixtures.bytes(Fixtures.UPDATED_IN_TRANSIT_CUSTOMS));
        ObjectNode tree = (ObjectNode) SnapshotReader.tree(Fixtures.bytes(Fixtures.UPDATED_IN_TRANSIT_CUSTOMS));
        tree.put("sent_by", "v9");
        ((ObjectNode) tree.get("data")).putObject("future_block").put("x", 1);
        ObjectNode ti = (ObjectNode) tree.at("/data/track_info");
        ti.put("provider_tips", "Carrier notice");
        ((ObjectNode) ti.at("/tracking/providers/0")).put("provider_tips", "notice");
        ((ObjectNode) ti.at("/tracking/providers/0/events/0")).putArray("extras").add(1);
        WebhookPayload extended = SnapshotReader.readWebhook(SnapshotReader.write(tree).getBytes(StandardCharsets.UTF_8));
        assertThat(extended).isEqualTo(plain);
    }

    @Test
    void numbersSentAsStringsAreAccepted() {
        String json = """
                {"event":"TRACKING_UPDATED","data":{"number":"LX123456789CN","carrier":"3011","tag":"T1",
                 "track_info":{"latest_status":{"status":"InTransit","sub_status":"InTransit_Other"},
                  "tracking":{"providers_hash":"-12345","providers":[
                   {"provider":{"key":"3011","name":"China Post"},"events_hash":"-77",
                    "latest_sync_time":"2024-11-10T09:00:00Z",
                    "events":[{"time_iso":"2024-11-10T16:00:00+08:00","time_utc":"2024-11-10T08:00:00Z",
                               "description":"Parcel processed","location":"Shenzhen","stage":null,
                               "sub_status":"InTransit_Other"}]}]}}}}
                """;
        WebhookPayload p = read(json);
        assertThat(p.carrier()).isEqualTo(3011);
        assertThat(p.snapshot().providersHash()).isEqualTo(-12345L);
        assertThat(p.snapshot().providers().getFirst().key()).isEqualTo(3011);
        assertThat(p.snapshot().providers().getFirst().eventsHash()).isEqualTo(-77L);
        assertThat(p.snapshot().events().getFirst().providerKey()).isEqualTo(3011);
    }

    @Test
    void aNumericTrackingNumberIsReadAsText() {
        WebhookPayload p = read("{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":9400100000000000000,\"carrier\":21051}}");
        assertThat(p.number()).isEqualTo("9400100000000000000");
    }

    @Test
    void theNumberIsNormalized() {
        WebhookPayload p = read("{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\" lx 1234 5678 9cn \"}}");
        assertThat(p.number()).isEqualTo("LX123456789CN");
        assertThat(p.carrier()).isNull();
        assertThat(p.tag()).isNull();
    }

    @Test
    void theEventTypeIsReadInAnyCase() {
        WebhookPayload p = read("{\"event\":\"tracking_stopped\",\"data\":{\"number\":\"LX123456789CN\"}}");
        assertThat(p.type()).isEqualTo(WebhookEventType.TRACKING_STOPPED);
        assertThat(p.rawType()).isEqualTo("tracking_stopped");
    }

    @Test
    void theMinimalDashboardTestPushHasNoSnapshot() {
        WebhookPayload p = read("{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"RR123456789CN\",\"carrier\":3011,\"tag\":null}}");
        assertThat(p.type()).isEqualTo(WebhookEventType.TRACKING_UPDATED);
        assertThat(p.number()).isEqualTo("RR123456789CN");
        assertThat(p.carrier()).isEqualTo(3011);
        assertThat(p.tag()).isNull();
        assertThat(p.hasSnapshot()).isFalse();
    }

    @Test
    void aNullTrackInfoIsLikeAMissingOne() {
        WebhookPayload p = read("{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"RR123456789CN\",\"track_info\":null}}");
        assertThat(p.hasSnapshot()).isFalse();
    }

    @Test
    void aStopIgnoresAnyTrackInfoItCarries() {
        WebhookPayload p = read("{\"event\":\"TRACKING_STOPPED\",\"data\":{\"number\":\"RR123456789CN\",\"track_info\":{}}}");
        assertThat(p.hasSnapshot()).isFalse();
    }

    @Test
    void anEmptyTrackInfoIsASnapshotWithNothingInIt() {
        WebhookPayload p = read("{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"RR123456789CN\",\"track_info\":{}}}");
        assertThat(p.snapshot().events()).isEmpty();
        assertThat(p.snapshot().status().main()).isEqualTo(MainStatus.UNKNOWN);
        assertThat(p.snapshot().latestEventTime()).isNull();
        assertThat(p.snapshot().latestSyncTime()).isNull();
        assertThat(p.snapshot().providersHash()).isNull();
        assertThat(p.snapshot().newestEvent()).isNull();
    }

    @Test
    void anUnknownStatusKeepsItsRawText() {
        String json = """
                {"event":"TRACKING_UPDATED","data":{"number":"RR123456789CN",
                 "track_info":{"latest_status":{"status":"Teleported","sub_status":"Teleported_Mars"}}}}
                """;
        Snapshot s = read(json).snapshot();
        assertThat(s.status().main()).isEqualTo(MainStatus.UNKNOWN);
        assertThat(s.status().sub()).isEqualTo(SubStatus.UNKNOWN);
        assertThat(s.status().raw()).isEqualTo("Teleported/Teleported_Mars");
    }

    @Test
    void anEventWithOnlyTimeIsoTakesItsInstantFromIt() {
        String json = """
                {"event":"TRACKING_UPDATED","data":{"number":"RR123456789CN","track_info":{"tracking":{"providers":[
                 {"provider":{"key":3011},"events":[{"time_iso":"2024-03-31T02:30:00+02:00","description":"x"}]}]}}}}
                """;
        SnapshotEvent e = read(json).snapshot().events().getFirst();
        assertThat(e.timeUtc()).isEqualTo(Instant.parse("2024-03-31T00:30:00Z"));
        assertThat(e.localTime()).isEqualTo(OffsetDateTime.parse("2024-03-31T02:30:00+02:00"));
    }

    @Test
    void anEventWithOnlyTimeUtcHasNoLocalTime() {
        String json = """
                {"event":"TRACKING_UPDATED","data":{"number":"RR123456789CN","track_info":{"tracking":{"providers":[
                 {"provider":{"key":3011},"events":[{"time_utc":"2024-03-31T00:30:00Z","description":"x"},
                                                    {"time_utc":"2024-03-30T00:30:00","description":"no zone"}]}]}}}}
                """;
        Snapshot s = read(json).snapshot();
        assertThat(s.events()).extracting(SnapshotEvent::timeUtc)
                .containsExactly(Instant.parse("2024-03-31T00:30:00Z"), Instant.parse("2024-03-30T00:30:00Z"));
        assertThat(s.events()).allSatisfy(e -> assertThat(e.localTime()).isNull());
    }

    @Test
    void timeUtcWinsOverALocalTimeThatDisagrees() {
        String json = """
                {"event":"TRACKING_UPDATED","data":{"number":"RR123456789CN","track_info":{"tracking":{"providers":[
                 {"provider":{"key":3011},"events":[{"time_iso":"2024-11-10T16:00:00+08:00",
                   "time_utc":"2024-11-10T08:00:00Z","description":"x"}]}]}}}}
                """;
        SnapshotEvent e = read(json).snapshot().events().getFirst();
        assertThat(e.timeUtc()).isEqualTo(Instant.parse("2024-11-10T08:00:00Z"));
        assertThat(e.localTime().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
    }

    @Test
    void anEventWithoutAnyUsableTimeIsSkippedAndTheOthersKept() {
        String json = """
                {"event":"TRACKING_UPDATED","data":{"number":"RR123456789CN","track_info":{"tracking":{"providers":[
                 {"provider":{"key":3011},"events":[{"time_utc":null,"description":"no time"},
                   {"time_utc":"yesterday","description":"bad time"},
                   {"time_utc":"2024-11-10T08:00:00Z","description":"good"}, "not an object"]}]}}}}
                """;
        assertThat(read(json).snapshot().events()).extracting(SnapshotEvent::description).containsExactly("good");
    }

    @Test
    void aLocationIsTakenFromTheAddressWhenTheTextIsMissing() {
        String json = """
                {"event":"TRACKING_UPDATED","data":{"number":"RR123456789CN","track_info":{"tracking":{"providers":[
                 {"provider":{"key":3011},"events":[{"time_utc":"2024-11-10T08:00:00Z","description":"x",
                   "address":{"city":"Leipzig","state":"Sachsen","country":"DE"}}]}]}}}}
                """;
        assertThat(read(json).snapshot().events().getFirst().location()).isEqualTo("Leipzig, Sachsen, DE");
    }

    @Test
    void aGeneratedPushWithNumbersTurnedIntoStringsReadsTheSame() {
        WebhookPayload original = TestData.anUpdatedPush(TestData.aSnapshot().providersHash(-5L)
                .withEvent(TestData.anEvent()).latestSyncTime(Instant.parse("2024-11-10T09:00:00Z")).build());
        ObjectNode tree = WireJson.tree(original);
        ((ObjectNode) tree.get("data")).put("carrier", "3011");
        ((ObjectNode) tree.at("/data/track_info/tracking")).put("providers_hash", "-5");
        ((ObjectNode) tree.at("/data/track_info/tracking/providers/0/provider")).put("key", "3011");
        assertThat(SnapshotReader.readWebhook(SnapshotReader.write(tree).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(original);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "not json",
        "{\"event\":",
        "[]",
        "[{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"RR123456789CN\"}}]",
        "\"TRACKING_UPDATED\"",
        "42",
        "null",
        "{}",
        "{\"data\":{\"number\":\"RR123456789CN\"}}",
        "{\"event\":null,\"data\":{\"number\":\"RR123456789CN\"}}",
        "{\"event\":\" \",\"data\":{\"number\":\"RR123456789CN\"}}",
        "{\"event\":42,\"data\":{\"number\":\"RR123456789CN\"}}",
        "{\"event\":\"TRACKING_DELETED\",\"data\":{\"number\":\"RR123456789CN\"}}",
        "{\"event\":\"TRACKING_UPDATED\"}",
        "{\"event\":\"TRACKING_UPDATED\",\"data\":null}",
        "{\"event\":\"TRACKING_UPDATED\",\"data\":[]}",
        "{\"event\":\"TRACKING_UPDATED\",\"data\":\"x\"}",
        "{\"event\":\"TRACKING_UPDATED\",\"data\":{}}",
        "{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":null}}",
        "{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":\"  \"}}",
        "{\"event\":\"TRACKING_UPDATED\",\"data\":{\"number\":{}}}",
        "{\"event\":\"TRACKING_STOPPED\",\"data\":{\"carrier\":3011}}"})
    void malformedBodiesAreRefused(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void aNullOrEmptyByteArrayIsRefused() {
        assertThatThrownBy(() -> SnapshotReader.readWebhook((byte[]) null)).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> SnapshotReader.readWebhook(new byte[0])).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void theRefusalOfAnUnknownEventTypeClipsALongName() {
        String longName = "X".repeat(500);
        assertThatThrownBy(() -> read("{\"event\":\"" + longName + "\",\"data\":{\"number\":\"RR123456789CN\"}}"))
                .isInstanceOf(MalformedPayloadException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100));
    }
}
