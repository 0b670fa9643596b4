package io.trackctl.client.simulator;

import io.trackctl.core.testing.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackctl.client.WireJson;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The simulator's answers have exactly the field layout of the project's 17TRACK fixtures. */
class SimulatorShapeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aSimulatedDeliveredSnapshotHasExactlyTheFieldsOfTheDeliveredFixture() throws Exception {
        JsonNode fixture = WireJson.read(Fixtures.bytes("webhook-tracking-updated-delivered.json")).path("data");
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0))) {
            JsonNode delivered = null;
            for (int i = 0; i < 40 && delivered == null; i++) {
                String number = String.format("RS%09dCN", i);
                post(sim, "register", "[{\"number\":\"" + number + "\",\"carrier\":3011}]");
            }
            sim.advance(Duration.ofDays(12));
            for (int i = 0; i < 40 && delivered == null; i++) {
                String number = String.format("RS%09dCN", i);
                JsonNode item = post(sim, "gettrackinfo", "[{\"number\":\"" + number + "\"}]")
                        .path("data").path("accepted").path(0);
                if ("Delivered".equals(item.path("track_info").path("latest_status").path("status").asText())) {
                    delivered = item;
                }
            }

            assertThat(delivered).as("one of 40 numbers is delivered after 12 days").isNotNull();
            assertThat(paths(delivered)).isEqualTo(paths(fixture));
        }
    }

    @Test
    void registerAndTrackInfoEnvelopesHaveTheFixtureFields() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0))) {
            post(sim, "register", "[{\"number\":\"RS123456789CN\",\"tag\":\"T\"}]");
            JsonNode register = post(sim, "register",
                    "[{\"number\":\"YT2400000000000101\",\"tag\":\"A\"},{\"number\":\"RS123456789CN\",\"tag\":\"B\"},"
                            + "{\"number\":\"12AB\",\"tag\":\"C\"}]");
            JsonNode trackInfo = post(sim, "gettrackinfo", "[{\"number\":\"RS123456789CN\"},{\"number\":\"X0000001\"}]");

            JsonNode registerFixture = WireJson.read(Fixtures.bytes("register-response-mixed.json"));
            JsonNode infoFixture = WireJson.read(Fixtures.bytes("gettrackinfo-response-mixed.json"));
            assertThat(paths(register.path("data").path("accepted")))
                    .isEqualTo(paths(registerFixture.path("data").path("accepted")));
            assertThat(paths(register.path("data").path("rejected")))
                    .isEqualTo(paths(registerFixture.path("data").path("rejected")));
            assertThat(paths(trackInfo.path("data").path("rejected")))
                    .isEqualTo(paths(infoFixture.path("data").path("rejected")));
        }
    }

    private static JsonNode post(Simulator sim, String endpoint, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(sim.baseUri().resolve(endpoint))
                .header("17token", sim.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return WireJson.read(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    /** Every field path in the tree, array positions collapsed to {@code []}. */
    private static Set<String> paths(JsonNode node) {
        Set<String> out = new TreeSet<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String prefix, Set<String> out) {
        if (node instanceof ObjectNode obj) {
            for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                out.add(prefix + "/" + name);
                collect(obj.get(name), prefix + "/" + name, out);
            }
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(e -> collect(e, prefix + "[]", out));
        }
    }
}
