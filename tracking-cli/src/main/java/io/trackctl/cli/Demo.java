package io.trackctl.cli;

import io.trackctl.client.simulator.Simulator;
import io.trackctl.client.simulator.SimulatorConfig;
import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.Shop;
import io.trackctl.core.model.ShopQuery;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.model.TrackingQuery;
import io.trackctl.core.service.Caller;
import io.trackctl.core.service.ShopInput;
import io.trackctl.core.service.ShopService;
import io.trackctl.core.service.TrackingInput;
import io.trackctl.core.service.TrackingService;
import io.trackctl.server.Backend;
import io.trackctl.server.ServerSettings;
import io.trackctl.server.TrackctlServer;
import io.trackctl.core.crypto.SecretBox;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code serve --demo}: a 17TRACK simulator pushing to the server, a demo shop with a few numbers,
 * and simulated time running at about eight parcel hours per second, so statuses move while one watches.
 */
record Demo(Simulator simulator, long shopId, List<TrackingNumber> numbers) {

    static final String SHOP_NAME = "Demo shop";
    /** UPS numbers whose simulated journeys end delivered, at a pickup point, in a failed delivery and in a return. */
    static final List<String> NUMBERS = List.of("1Z999AA10000000002", "1Z999AA10000000014", "1Z999AA10000000019",
            "1Z999AA10000000007", "1Z999AA10000000005", "1Z999AA10000000023");
    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration STEP = Duration.ofHours(4);

    /** A simulator with a fresh random key, pushing to the server that will listen on {@code serverPort}. */
    static Simulator simulator(int serverPort) {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        SimulatorConfig config = SimulatorConfig.defaults()
                .withApiKey(HexFormat.of().formatHex(key))
                .withWebhookUrl(URI.create("http://127.0.0.1:" + serverPort + "/api/v1/webhook/17track"))
                .withRateLimit(0)
                .withPushRetrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15)));
        return Simulator.start(config);
    }

    /** Creates (or finds) the demo shop and its numbers, then lets simulated time run. */
    static Demo seed(TrackctlServer server, Simulator simulator) {
        Backend b = server.backend();
        ShopService shops = new ShopService(b.shops(), new SecretBox(TrackctlServer.encryptionKey(server.settings())));
        TrackingService tracking = new TrackingService(b.tracking(), b.shops(), b.carriers(), b.orders(), b.events(),
                server.engine().registration());
        Page<Shop> found = shops.list(Caller.admin(), new ShopQuery(null, SHOP_NAME, false), PageRequest.FIRST);
        Shop shop = found.items().stream().filter(s -> s.name().equals(SHOP_NAME)).findFirst()
                .orElseGet(() -> shops.create(Caller.admin(),
                        new ShopInput(SHOP_NAME, "demo", "https://shop.example", null, null, null, "UTC")));
        List<TrackingNumber> numbers = new ArrayList<>();
        List<Long> known = new ArrayList<>();
        for (String n : NUMBERS) {
            Page<TrackingNumber> existing = tracking.list(Caller.admin(),
                    new TrackingQuery(shop.id(), null, n, null, null), PageRequest.FIRST);
            var stored = existing.items().stream().filter(t -> t.number().equals(n)).findFirst();
            stored.ifPresent(t -> known.add(t.id()));
            numbers.add(stored.orElseGet(() -> tracking.create(Caller.admin(),
                    new TrackingInput(shop.id(), null, null, n, null, "demo", null, null))));
        }
        // A simulator starts empty: numbers kept from an earlier demo run are registered with it again.
        server.engine().registration().registerLater(known);
        simulator.autoAdvance(TICK, STEP);
        return new Demo(simulator, shop.id(), numbers);
    }

    /** What to try next, printed after the banner. */
    String instructions(ServerSettings settings) {
        String dataDir = settings.dataDir().equals(ServerSettings.DEFAULT_DATA_DIR) ? ""
                : " --data-dir " + settings.dataDir();
        String base = "http://localhost:" + settings.port() + "/api/v1";
        return String.join(System.lineSeparator(),
                "Demo: a 17TRACK simulator runs at " + simulator.baseUri() + " and pushes to this server;",
                "  simulated time runs at " + STEP.toHours() + " parcel hours every " + TICK.toMillis()
                        + " ms, so statuses move within a minute.",
                "  demo shop " + shopId + " with " + numbers.size() + " tracking numbers: "
                        + String.join(", ", numbers.stream().map(TrackingNumber::number).toList()),
                "Try:",
                "  TOKEN=$(./trackctl token create --admin" + dataDir + ")",
                "  curl -H \"Authorization: Bearer $TOKEN\" '" + base + "/tracking?shopId=" + shopId + "'",
                "  curl -H \"Authorization: Bearer $TOKEN\" " + base + "/tracking/" + numbers.getFirst().id(),
                "  ./trackctl list --shop " + shopId + dataDir,
                "  ./trackctl show " + numbers.getFirst().number() + dataDir);
    }
}
