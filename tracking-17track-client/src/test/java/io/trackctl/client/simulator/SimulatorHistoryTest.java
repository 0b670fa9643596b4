package io.trackctl.client.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.client.SeventeenTrackClient;
import io.trackctl.client.SeventeenTrackConfig;
import io.trackctl.client.model.Milestone;
import io.trackctl.client.model.ProviderTracking;
import io.trackctl.client.model.RegisterRequest;
import io.trackctl.client.model.TrackEvent;
import io.trackctl.client.model.TrackInfo;
import io.trackctl.client.model.TrackInfoItem;
import io.trackctl.client.model.TrackRef;
import io.trackctl.core.port.RateLimiter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatorHistoryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SeventeenTrackClient client(Simulator sim) {
        return new SeventeenTrackClient(HTTP, SeventeenTrackConfig.of(sim.apiKey()).withBaseUrl(sim.baseUri()),
                RateLimiter.unlimited());
    }

    private static List<TrackInfoItem> registerAndAge(Simulator sim, List<String> numbers, Integer carrier,
                                                      Duration age) {
        SeventeenTrackClient client = client(sim);
        client.registerAll(numbers.stream().map(n -> RegisterRequest.of(n, carrier)).toList());
        sim.advance(age);
        return client.getTrackInfo(numbers.stream().map(TrackRef::of).toList()).accepted();
    }

    private static List<String> numbers(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%s%09d%s", prefix.substring(0, 2), i,
                prefix.substring(2))).toList();
    }

    @Test
    void everySnapshotHasTheDocumentedShapeAndConsistentTimes() {
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0))) {
            List<TrackInfoItem> items = registerAndAge(sim, numbers("RRCN", 30), null, Duration.ofDays(9));

            assertThat(items).hasSize(30).allSatisfy(item -> assertShape(item.trackInfo()));
        }
    }

    @Test
    void historiesEndInEveryDocumentedWay() {
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0))) {
            List<TrackInfoItem> items = registerAndAge(sim, numbers("RECN", 40), null, Duration.ofDays(31));

            Set<String> subStatuses = new HashSet<>();
            items.forEach(i -> subStatuses.add(i.trackInfo().latestStatus().subStatus()));
            assertThat(subStatuses).contains("Delivered_Other", "Exception_Returning", "Exception_Lost",
                    "DeliveryFailure_NoBody", "AvailableForPickup_Other", "Expired_Other");
        }
    }

    @Test
    void internationalShipmentsHaveTwoProvidersCustomsEventsAndCrossTheUsDaylightSavingSwitch() {
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0))) {
            List<TrackInfoItem> items = registerAndAge(sim, numbers("RUCN", 12), 3011, Duration.ofDays(14));

            Set<ZoneOffset> uspsOffsets = new HashSet<>();
            for (TrackInfoItem item : items) {
                List<ProviderTracking> providers = item.trackInfo().tracking().providers();
                assertThat(providers).extracting(p -> p.provider().key()).containsExactly(21051, 3011);
                providers.getLast().events().forEach(e ->
                        assertThat(e.localTime().getOffset()).isEqualTo(ZoneOffset.ofHours(8)));
                providers.getFirst().events().forEach(e -> uspsOffsets.add(e.localTime().getOffset()));
                assertThat(allEvents(item.trackInfo())).extracting(TrackEvent::subStatus)
                        .contains("InTransit_CustomsProcessing", "InTransit_CustomsReleased");
                assertThat(item.trackInfo().miscInfo().localKey()).isEqualTo(21051);
            }
            assertThat(uspsOffsets).containsExactlyInAnyOrder(ZoneOffset.ofHours(-4), ZoneOffset.ofHours(-5));
        }
    }

    @Test
    void germanDomesticShipmentsCrossTheEuropeanDaylightSavingSwitch() {
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0))) {
            List<TrackInfoItem> items = registerAndAge(sim, numbers("JJDE", 16), 7041, Duration.ofDays(14));

            Set<ZoneOffset> berlin = new HashSet<>();
            items.stream().map(TrackInfoItem::trackInfo).flatMap(i -> allEvents(i).stream())
                    .filter(e -> "DE".equals(e.address().country()))
                    .forEach(e -> berlin.add(e.localTime().getOffset()));
            assertThat(berlin).containsExactlyInAnyOrder(ZoneOffset.ofHours(2), ZoneOffset.ofHours(1));
        }
    }

    @Test
    void theSameNumberAndSeedGiveTheSameHistoryAndAnotherSeedAnother() {
        List<String> numbers = numbers("RDCN", 5);
        List<TrackInfoItem> first;
        List<TrackInfoItem> second;
        List<TrackInfoItem> other;
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0))) {
            first = registerAndAge(sim, numbers, null, Duration.ofDays(20));
        }
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0))) {
            second = registerAndAge(sim, numbers, null, Duration.ofDays(20));
        }
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0).withSeed(99))) {
            other = registerAndAge(sim, numbers, null, Duration.ofDays(20));
        }

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void eventsBecomeVisibleOnlyAsSimulatedTimePasses() {
        try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withRateLimit(0))) {
            SeventeenTrackClient client = client(sim);
            client.registerAll(List.of(RegisterRequest.of("RV123456789CN", 3011)));
            TrackRef ref = TrackRef.of("RV123456789CN");

            TrackInfo fresh = client.getTrackInfo(List.of(ref)).accepted().getFirst().trackInfo();
            sim.advance(Duration.ofDays(1));
            TrackInfo dayOne = client.getTrackInfo(List.of(ref)).accepted().getFirst().trackInfo();
            sim.advance(Duration.ofDays(6));
            TrackInfo weekOne = client.getTrackInfo(List.of(ref)).accepted().getFirst().trackInfo();

            assertThat(fresh.latestStatus().status()).isEqualTo("NotFound");
            assertThat(fresh.tracking().providers()).isEmpty();
            assertThat(allEvents(dayOne)).isNotEmpty();
            assertThat(allEvents(weekOne)).hasSizeGreaterThan(allEvents(dayOne).size());
            assertThat(weekOne.tracking().providersHash()).isNotEqualTo(dayOne.tracking().providersHash());
            assertThat(allEvents(weekOne)).allSatisfy(e -> assertThat(e.instant()).isBeforeOrEqualTo(sim.now()));
        }
    }

    private static List<TrackEvent> allEvents(TrackInfo info) {
        return info.tracking().providers().stream().flatMap(p -> p.events().stream()).toList();
    }

    private static void assertShape(TrackInfo info) {
        assertThat(info.milestone()).extracting(Milestone::keyStage).containsExactly("InfoReceived", "PickedUp",
                "Departure", "Arrival", "AvailableForPickup", "OutForDelivery", "Delivered", "Returning", "Returned");
        List<TrackEvent> all = allEvents(info);
        assertThat(all).isNotEmpty();
        for (ProviderTracking p : info.tracking().providers()) {
            assertThat(p.events()).extracting(TrackEvent::instant).isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(p.eventsHash()).isNotNull();
        }
        for (TrackEvent e : all) {
            OffsetDateTime local = OffsetDateTime.parse(e.timeIso());
            assertThat(local.toInstant()).isEqualTo(Instant.parse(e.timeUtc()));
            assertThat(e.timeRaw().date() + "T" + e.timeRaw().time()).isEqualTo(local.toLocalDateTime().toString()
                    + (local.getSecond() == 0 ? ":00" : ""));
            assertThat(e.timeRaw().timezone()).isEqualTo(local.getOffset().getId());
        }
        TrackEvent newest = all.stream().max(Comparator.comparing(TrackEvent::instant)).orElseThrow();
        assertThat(info.latestEvent()).isEqualTo(newest);
        if (!"Expired".equals(info.latestStatus().status())) {
            assertThat(info.latestStatus().subStatus()).isEqualTo(newest.subStatus());
        }
        for (Milestone m : info.milestone()) {
            if (m.timeUtc() == null) {
                assertThat(m.timeRaw().date()).isNull();
            } else {
                assertThat(all).anySatisfy(e -> {
                    assertThat(e.stage()).isEqualTo(m.keyStage());
                    assertThat(e.timeUtc()).isEqualTo(m.timeUtc());
                });
            }
        }
        assertThat(info.tracking().providersHash()).isNotNull();
    }
}
