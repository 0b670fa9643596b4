package io.trackctl.core.testing;

import io.trackctl.core.snapshot.Snapshot;
import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.snapshot.WebhookPayload;
import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded generator of realistic 17TRACK push histories. Same {@link Random} seed, same histories:
 * usable from jqwik (pass {@code new Random(seed)} from a generated long) and from plain JUnit.
 *
 * <p>A history walks a parcel along a journey (info received, picked up, departure, arrival,
 * customs, out for delivery, then delivered, a failed delivery, or a return), cut into 2 to 8 growing
 * snapshots. Sometimes the journey has two providers (an origin carrier at +08:00 and a last-mile
 * carrier at its own offset), sometimes a snapshot is repeated with the same newest event but a new
 * providers hash and later sync times (a tie), and sometimes the history ends with TRACKING_STOPPED.
 * Event times are whole minutes, strictly increasing along the journey.
 */
public final class PushHistories {

    /** Knobs of the generator; {@link #DEFAULT} is a realistic mix. */
    public record Options(int minUpdates, int maxUpdates, double secondProviderChance, double tieChance,
                          double stopChance) {

        public static final Options DEFAULT = new Options(2, 8, 0.4, 0.2, 0.25);

        public Options {
            if (minUpdates < 1 || maxUpdates < minUpdates) {
                throw new IllegalArgumentException("need 1 <= minUpdates <= maxUpdates");
            }
        }

        public Options withTieChance(double p) {
            return new Options(minUpdates, maxUpdates, secondProviderChance, p, stopChance);
        }

        public Options withStopChance(double p) {
            return new Options(minUpdates, maxUpdates, secondProviderChance, tieChance, p);
        }

        public Options withSecondProviderChance(double p) {
            return new Options(minUpdates, maxUpdates, p, tieChance, stopChance);
        }

        public Options withUpdates(int min, int max) {
            return new Options(min, max, secondProviderChance, tieChance, stopChance);
        }
    }

    private record Step(SubStatus sub, Stage stage, String description, boolean lastMile, String location) {
    }

    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private PushHistories() {
    }

    /** {@code count} histories with distinct numbers, default options. */
    public static List<NumberHistory> histories(Random random, int count) {
        return histories(random, count, Options.DEFAULT);
    }

    public static List<NumberHistory> histories(Random random, int count, Options options) {
        Set<String> used = new HashSet<>();
        List<NumberHistory> out = new ArrayList<>();
        while (out.size() < count) {
            String n = randomNumber(random);
            if (used.add(n)) {
                out.add(history(random, n, options));
            }
        }
        return out;
    }

    public static NumberHistory history(Random random, String number) {
        return history(random, number, Options.DEFAULT);
    }

    /** One number's history, in the order 17TRACK produced it. */
    public static NumberHistory history(Random random, String number, Options options) {
        Carriers.Carrier origin = pick(random, Carriers.ORIGINS);
        boolean twoProviders = random.nextDouble() < options.secondProviderChance();
        Carriers.Carrier lastMile = twoProviders ? pick(random, Carriers.LAST_MILE) : origin;
        String tag = random.nextInt(4) == 0 ? null : "ORD-" + (10000 + random.nextInt(90000));

        List<SnapshotEvent> journey = journey(random, origin, lastMile);
        int length = Math.max(options.minUpdates(), 2 + random.nextInt(journey.size() - 1));
        length = Math.min(length, journey.size());
        int updates = options.minUpdates() + random.nextInt(options.maxUpdates() - options.minUpdates() + 1);
        updates = Math.min(updates, length);
        // Cut points: snapshot i holds journey[0 .. cut_i], the last one holds the first `length` events.
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(length);
        while (cuts.size() < updates) {
            cuts.add(1 + random.nextInt(length - 1));
        }

        List<GeneratedPush> pushes = new ArrayList<>();
        Set<Long> usedHashes = new HashSet<>();
        Map<Integer, Long> eventsHashes = new HashMap<>();
        Map<Integer, Integer> eventCounts = new HashMap<>();
        Map<Integer, Instant> lastSync = new HashMap<>();
        for (int cut : cuts) {
            List<SnapshotEvent> events = journey.subList(0, cut);
            Instant newest = events.getLast().timeUtc();
            Map<Integer, Instant> sync = new HashMap<>();
            for (SnapshotEvent e : events) {
                int k = e.providerKey();
                Instant s = newest.plus(Duration.ofMinutes(1 + random.nextInt(120)));
                Instant prev = lastSync.get(k);
                sync.put(k, prev != null && prev.isAfter(s) ? prev.plusSeconds(60) : s);
                long count = events.stream().filter(x -> x.providerKey() == k).count();
                if (eventCounts.getOrDefault(k, 0) != count) {
                    eventCounts.put(k, (int) count);
                    eventsHashes.put(k, (long) random.nextInt());
                }
            }
            lastSync.putAll(sync);
            pushes.add(push(number, origin, lastMile, tag, events, sync, eventsHashes, freshHash(random, usedHashes)));
            if (random.nextDouble() < options.tieChance()) {
                Map<Integer, Instant> later = new HashMap<>();
                sync.forEach((k, v) -> later.put(k, v.plus(Duration.ofMinutes(1 + random.nextInt(60)))));
                lastSync.putAll(later);
                pushes.add(push(number, origin, lastMile, tag, events, later, eventsHashes,
                        freshHash(random, usedHashes)));
            }
        }
        if (random.nextDouble() < options.stopChance()) {
            pushes.add(TestData.onTheWire(TestData.aStoppedPush(number, origin.key(), tag)));
        }
        return new NumberHistory(TestData.aSnapshot().number(number).build().number(), origin.key(), tag, pushes);
    }

    /**
     * The pushes of all histories merged into one stream: each number's pushes keep their order,
     * the numbers interleave at random.
     */
    public static List<GeneratedPush> interleaved(Random random, List<NumberHistory> histories) {
        List<GeneratedPush> out = new ArrayList<>();
        int[] next = new int[histories.size()];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            if (!histories.get(i).pushes().isEmpty()) {
                open.add(i);
            }
        }
        while (!open.isEmpty()) {
            int slot = random.nextInt(open.size());
            int h = open.get(slot);
            out.add(histories.get(h).pushes().get(next[h]++));
            if (next[h] == histories.get(h).pushes().size()) {
                open.remove(slot);
            }
        }
        return out;
    }

    /** A tracking number in the UPU S10 shape (two letters, nine digits, country code). */
    public static String randomNumber(Random random) {
        String[] prefixes = {"LX", "RR", "LP", "CP", "EE", "UA"};
        String[] countries = {"CN", "HK", "SG", "DE", "US"};
        return prefixes[random.nextInt(prefixes.length)] + String.format("%09d", random.nextInt(1_000_000_000))
                + countries[random.nextInt(countries.length)];
    }

    private static GeneratedPush push(String number, Carriers.Carrier origin, Carriers.Carrier lastMile, String tag,
                                      List<SnapshotEvent> events, Map<Integer, Instant> sync,
                                      Map<Integer, Long> eventsHashes, long providersHash) {
        SnapshotBuilder b = TestData.aSnapshot().number(number).carrier(origin.key()).tag(tag)
                .providersHash(providersHash);
        // The last-mile provider first, as 17TRACK lists the most recent carrier first.
        Set<Integer> keys = new LinkedHashSet<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            keys.add(events.get(i).providerKey());
        }
        for (int k : keys) {
            Carriers.Carrier c = Carriers.byKey(k);
            b.withProvider(TestData.aProvider().key(k).name(c.name()).country(c.country())
                    .eventsHash(eventsHashes.get(k)).latestSyncTime(sync.get(k)));
        }
        b.withEvents(events);
        Snapshot snapshot = b.build();
        WebhookPayload payload = TestData.anUpdatedPush(snapshot);
        return TestData.onTheWire(payload);
    }

    private static long freshHash(Random random, Set<Long> used) {
        long h;
        do {
            h = random.nextInt();
        } while (!used.add(h));
        return h;
    }

    private static List<SnapshotEvent> journey(Random random, Carriers.Carrier origin, Carriers.Carrier lastMile) {
        List<Step> steps = new ArrayList<>(List.of(
                new Step(SubStatus.INFO_RECEIVED, Stage.INFO_RECEIVED, "Shipment information received", false,
                        "Shenzhen"),
                new Step(SubStatus.IN_TRANSIT_PICKED_UP, Stage.PICKED_UP, "Parcel has been collected", false,
                        "Shenzhen"),
                new Step(SubStatus.IN_TRANSIT_OTHER, null, "Arrived at the sorting centre", false, "Guangzhou"),
                new Step(SubStatus.IN_TRANSIT_DEPARTURE, Stage.DEPARTURE, "Flight has departed", false,
                        "Guangzhou")));
        if (random.nextInt(3) == 0) {
            steps.add(new Step(SubStatus.EXCEPTION_DELAYED, null, "Flight delayed", false, "Guangzhou"));
        }
        steps.add(new Step(SubStatus.IN_TRANSIT_ARRIVAL, Stage.ARRIVAL, "Arrived in the destination country", true,
                "Hub"));
        steps.add(new Step(SubStatus.IN_TRANSIT_CUSTOMS_PROCESSING, null, "Import customs processing", true, "Hub"));
        steps.add(new Step(SubStatus.IN_TRANSIT_CUSTOMS_RELEASED, null, "Released by customs", true, "Hub"));
        steps.add(new Step(SubStatus.OUT_FOR_DELIVERY_OTHER, Stage.OUT_FOR_DELIVERY, "Out for delivery", true,
                "Depot"));
        switch (random.nextInt(10)) {
            case 0 -> {
                steps.add(new Step(SubStatus.DELIVERY_FAILURE_NO_BODY, null, "Recipient not at home", true, "Depot"));
                steps.add(new Step(SubStatus.AVAILABLE_FOR_PICKUP_OTHER, Stage.AVAILABLE_FOR_PICKUP,
                        "Ready for pickup at the post office", true, "Post office"));
            }
            case 1 -> {
                steps.add(new Step(SubStatus.EXCEPTION_RETURNING, Stage.RETURNING, "Returned to sender", true,
                        "Depot"));
                steps.add(new Step(SubStatus.EXCEPTION_RETURNED, Stage.RETURNED, "Returned to sender", false,
                        "Shenzhen"));
            }
            default -> steps.add(new Step(SubStatus.DELIVERED_OTHER, Stage.DELIVERED, "Delivered", true,
                    "Front door"));
        }
        List<SnapshotEvent> events = new ArrayList<>();
        Instant t = EPOCH.plus(Duration.ofMinutes(random.nextInt(300 * 24 * 60)));
        for (Step s : steps) {
            Carriers.Carrier c = s.lastMile() ? lastMile : origin;
            events.add(TestData.anEvent().at(t).offset(c.offset()).provider(c.key()).description(s.description())
                    .location(s.location()).stage(s.stage()).subStatus(s.sub()).build());
            t = t.plus(Duration.ofMinutes(30 + random.nextInt(36 * 60)));
        }
        return events;
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
