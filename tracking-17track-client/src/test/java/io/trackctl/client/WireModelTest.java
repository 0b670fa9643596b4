package io.trackctl.client;

import io.trackctl.core.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackctl.client.model.ProviderTracking;
import io.trackctl.client.model.Quota;
import io.trackctl.client.model.RegisterAccepted;
import io.trackctl.client.model.Rejected;
import io.trackctl.client.model.TrackEvent;
import io.trackctl.client.model.TrackInfoItem;
import io.trackctl.client.model.TrackListItem;
import io.trackctl.client.model.WebhookMessage;
import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireModelTest {

    /** Writes models back with every null kept, to compare against the fixture tree. */
    private static final ObjectMapper WRITER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"webhook-tracking-stopped.json", "webhook-tracking-updated-delivered.json",
            "webhook-tracking-updated-inforeceived.json", "webhook-tracking-updated-intransit-customs.json"})
    void everyWebhookFixtureRoundTripsThroughTheModelsWithoutLosingAField(String name) throws Exception {
        JsonNode original = WireJson.read(Fixtures.bytes(name));

        WebhookMessage message = WireJson.bind(original, WebhookMessage.class);

        // Compared as text: the tree types of equal numbers differ (int on the wire, long in the model).
        assertThat(withoutNulls(WRITER.valueToTree(message)).toString()).isEqualTo(withoutNulls(original).toString());
    }

    @Test
    void theGetTrackInfoFixtureRoundTripsItemByItem() throws Exception {
        JsonNode data = WireJson.read(Fixtures.bytes("gettrackinfo-response-mixed.json")).path("data");

        for (JsonNode item : data.path("accepted")) {
            TrackInfoItem bound = WireJson.bind(item, TrackInfoItem.class);
            assertThat(withoutNulls(WRITER.valueToTree(bound)).toString()).isEqualTo(withoutNulls(item).toString());
        }
        List<Rejected> rejected = new ArrayList<>();
        for (JsonNode item : data.path("rejected")) {
            rejected.add(WireJson.bind(item, Rejected.class));
        }
        assertThat(rejected).extracting(Rejected::code).containsExactly(-18019902, -18010012);
        assertThat(rejected).allSatisfy(r -> assertThat(r.error().message()).isNotBlank());
    }

    @Test
    void theRegisterFixtureKeepsOriginTagLangAndEveryRejection() throws Exception {
        JsonNode data = WireJson.read(Fixtures.bytes("register-response-mixed.json")).path("data");

        List<RegisterAccepted> accepted = new ArrayList<>();
        for (JsonNode item : data.path("accepted")) {
            accepted.add(WireJson.bind(item, RegisterAccepted.class));
        }
        List<Rejected> rejected = new ArrayList<>();
        for (JsonNode item : data.path("rejected")) {
            rejected.add(WireJson.bind(item, Rejected.class));
        }

        assertThat(accepted).extracting(RegisterAccepted::origin, RegisterAccepted::number, RegisterAccepted::carrier,
                        RegisterAccepted::tag, RegisterAccepted::lang)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "YT2400000000000101", 190008, "ORD-10001", null),
                        org.assertj.core.groups.Tuple.tuple(2, "LX900000015CN", 3011, "ORD-10004", "en"));
        assertThat(rejected).extracting(Rejected::number, Rejected::tag, Rejected::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("9400100000000000000123", "ORD-10003", -18019901),
                org.assertj.core.groups.Tuple.tuple("ABC00000000XYZ", "ORD-10008", -18019903),
                org.assertj.core.groups.Tuple.tuple("12AB", "ORD-10009", -18010012));
        assertThat(rejected.get(1).error().type()).isEqualTo(ApiError.CARRIER_NOT_DETECTED);
    }

    @Test
    void theDeliveredFixtureKeepsEveryEventTimeOffsetAndHash() throws Exception {
        WebhookMessage message = WireJson.readWebhook(Fixtures.bytes("webhook-tracking-updated-delivered.json"));
        var info = message.data().trackInfo();

        assertThat(info.tracking().providersHash()).isEqualTo(2011936540L);
        List<ProviderTracking> providers = info.tracking().providers();
        assertThat(providers).extracting(p -> p.provider().key()).containsExactly(21051, 3011);
        assertThat(providers).extracting(ProviderTracking::eventsHash).containsExactly(-1567204322L, 843310275L);
        assertThat(providers.get(0).events()).hasSize(4)
                .allSatisfy(e -> assertThat(e.localTime().getOffset()).isEqualTo(ZoneOffset.ofHours(-5)));
        assertThat(providers.get(1).events()).hasSize(3)
                .allSatisfy(e -> assertThat(e.localTime().getOffset()).isEqualTo(ZoneOffset.ofHours(8)));
        TrackEvent departure = providers.get(1).events().getFirst();
        assertThat(departure.timeRaw().timezone()).isNull();
        assertThat(departure.instant()).isEqualTo(Instant.parse("2024-11-27T13:40:00Z"));
        assertThat(departure.localTime().toInstant()).isEqualTo(departure.instant());
        assertThat(info.milestone()).hasSize(9).extracting(m -> m.keyStage()).startsWith("InfoReceived")
                .endsWith("Returned");
        assertThat(info.miscInfo().localKey()).isEqualTo(21051);
        assertThat(info.miscInfo().weightKg()).isEqualTo("0.18");
        assertThat(info.latestEvent().subStatus()).isEqualTo("Delivered_Other");
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-tracking-updated-delivered.json", "webhook-tracking-updated-inforeceived.json",
            "webhook-tracking-updated-intransit-customs.json"})
    void theModelsAndTheCoreSnapshotAgreeOnEveryEvent(String name) throws Exception {
        byte[] body = Fixtures.bytes(name);
        WebhookMessage message = WireJson.readWebhook(body);
        Snapshot snapshot = SnapshotReader.readWebhook(body).snapshot();

        List<Instant> fromModels = message.data().trackInfo().tracking().providers().stream()
                .flatMap(p -> p.events().stream()).map(TrackEvent::instant).sorted().toList();
        List<Instant> fromCore = snapshot.events().stream().map(e -> e.timeUtc()).sorted().toList();
        assertThat(fromModels).isNotEmpty().isEqualTo(fromCore);
        assertThat(snapshot.providersHash()).isEqualTo(message.data().trackInfo().tracking().providersHash());
    }

    @Test
    void numbersSentAsStringsAndCoordinatesOfEitherTypeAreAccepted() throws Exception {
        String json = """
                {"event":"TRACKING_UPDATED","data":{"number":"RR1","carrier":"3011","track_info":{
                 "misc_info":{"risk_factor":"2","local_key":"21051","pieces":3,"weight_kg":0.5},
                 "tracking":{"providers_hash":"-12","providers":[{"provider":{"key":"3011"},"events_hash":"7",
                 "events":[{"time_utc":"2024-01-01T00:00:00Z","address":{"coordinates":
                 {"longitude":"12.5","latitude":41.9}}}]}]},"new_field":{"x":1}}}}""";

        WebhookMessage m = WireJson.readWebhook(json.getBytes(StandardCharsets.UTF_8));

        var info = m.data().trackInfo();
        assertThat(m.data().carrier()).isEqualTo(3011);
        assertThat(info.miscInfo().riskFactor()).isEqualTo(2);
        assertThat(info.miscInfo().localKey()).isEqualTo(21051);
        assertThat(info.miscInfo().pieces()).isEqualTo("3");
        assertThat(info.miscInfo().weightKg()).isEqualTo("0.5");
        assertThat(info.tracking().providersHash()).isEqualTo(-12L);
        var coordinates = info.tracking().providers().getFirst().events().getFirst().address().coordinates();
        assertThat(coordinates.longitude().asText()).isEqualTo("12.5");
        assertThat(coordinates.latitude().asDouble()).isEqualTo(41.9);
    }

    @Test
    void theDocumentedQuirksOfQuotaAndTrackListAreRead() throws Exception {
        Quota quota = WireJson.bind(WireJson.read("""
                {"quota_total":1100,"quota_used":2,"quota_remain":1098,"today_used":0,
                 "max_track_daily":10000000,"free_email_quota":300,"free_email_quotaused":7}"""
                .getBytes(StandardCharsets.UTF_8)), Quota.class);
        TrackListItem item = WireJson.bind(WireJson.read("""
                {"number":"RR1","carrier":"3011","days_after_order ":4,"delievery_time":"2024-12-03T18:27:00Z",
                 "is_retracked":false,"push_status_code":"200"}""".getBytes(StandardCharsets.UTF_8)),
                TrackListItem.class);

        assertThat(quota.freeEmailQuotaUsed()).isEqualTo(7L);
        assertThat(quota.quotaRemain()).isEqualTo(1098L);
        assertThat(item.daysAfterOrder()).isEqualTo(4);
        assertThat(item.deliveryTime()).isEqualTo("2024-12-03T18:27:00Z");
        assertThat(item.carrier()).isEqualTo(3011);
        assertThat(item.pushStatusCode()).isEqualTo(200);
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            ObjectNode copy = obj.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
            }
            return copy;
        }
        if (node instanceof ArrayNode arr) {
            ArrayNode copy = arr.arrayNode();
            arr.forEach(n -> copy.add(withoutNulls(n)));
            return copy;
        }
        return node;
    }
}
