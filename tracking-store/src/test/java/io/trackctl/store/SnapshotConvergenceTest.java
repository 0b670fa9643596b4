package io.trackctl.store;

import io.trackctl.core.model.NewShop;
import io.trackctl.core.model.NewTrackingNumber;
import io.trackctl.core.model.PageRequest;
import io.trackctl.core.model.TrackingEvent;
import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.port.TrackingStore.Created;
import io.trackctl.core.rules.SnapshotRank;
import io.trackctl.core.snapshot.WebhookPayload;
import io.trackctl.core.testing.GeneratedPush;
import io.trackctl.core.testing.NumberHistory;
import io.trackctl.core.testing.PushHistories;
import io.trackctl.store.testing.SqliteTestDatabase;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real store on SQLite: any permutation of a number's pushes, each delivered one to
 * three times, ends in the same stored state (status fields and events) as delivering them once in
 * order, and no event is stored twice.
 */
class SnapshotConvergenceTest {

    private static SqliteTestDatabase database;
    private static TrackctlStore store;
    private static final AtomicInteger CASES = new AtomicInteger();

    @BeforeContainer
    static void open() {
        database = SqliteTestDatabase.create();
        store = TrackctlStore.open(database.config());
    }

    @AfterContainer
    static void close() {
        store.close();
        database.close();
        assertThat(CASES.get()).as("generated cases").isGreaterThanOrEqualTo(100);
    }

    @Property(tries = 100)
    void anyOrderOfRepeatedPushesEndsAsDeliveringThemOnceInOrder(@ForAll long seed) {
        CASES.incrementAndGet();
        Random random = new Random(seed);
        NumberHistory history = PushHistories.history(random, PushHistories.randomNumber(random));
        List<GeneratedPush> scrambled = new ArrayList<>();
        for (GeneratedPush push : history.pushes()) {
            int times = 1 + random.nextInt(3);
            for (int i = 0; i < times; i++) {
                scrambled.add(push);
            }
        }
        Collections.shuffle(scrambled, random);
        long inOrder = newNumber(history.number());
        long shuffled = newNumber(history.number());

        history.pushes().forEach(p -> deliver(inOrder, p.payload()));
        scrambled.forEach(p -> deliver(shuffled, p.payload()));

        TrackingNumber expected = store.tracking().findTracking(inOrder).orElseThrow();
        TrackingNumber actual = store.tracking().findTracking(shuffled).orElseThrow();
        assertThat(actual.state()).isEqualTo(expected.state());
        assertThat(actual.state().rank()).isEqualTo(SnapshotRank.of(history.lastSnapshot()));
        assertThat(actual.state().trackingStopped()).isEqualTo(history.stopped());
        List<String> actualEvents = events(shuffled);
        assertThat(actualEvents).doesNotHaveDuplicates();
        assertThat(new HashSet<>(actualEvents)).isEqualTo(Set.copyOf(events(inOrder)));
        assertThat(actualEvents).hasSize(distinctEvents(history));
    }

    private static long newNumber(String number) {
        // Each case stores its number under fresh shops so that the two replays never share a row.
        long shop = store.shops().create(new NewShop("s" + System.nanoTime(), null, null, null, null, null, null)).id();
        return ((Created) store.tracking().createTracking(new NewTrackingNumber(shop, null, null, number, null, null,
                "api", null, null))).tracking().id();
    }

    private static void deliver(long trackingId, WebhookPayload push) {
        switch (push.type()) {
            case TRACKING_STOPPED -> store.snapshots().markStopped(trackingId, Instant.now());
            case TRACKING_UPDATED -> store.snapshots().applySnapshot(trackingId, push.snapshot(), Instant.now());
            case UNKNOWN -> throw new IllegalArgumentException("generated an unknown push");
        }
    }

    private static List<String> events(long trackingId) {
        List<String> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            var p = store.events().listEvents(trackingId, PageRequest.of(page, PageRequest.MAX_SIZE));
            for (TrackingEvent e : p.items()) {
                out.add(e.timeUtc() + "|" + e.localTime() + "|" + e.providerKey() + "|" + e.contentHash() + "|"
                        + e.description() + "|" + e.location() + "|" + e.stage() + "|" + e.subStatus());
            }
            if ((long) page * PageRequest.MAX_SIZE >= p.total()) {
                return out;
            }
        }
    }

    private static int distinctEvents(NumberHistory history) {
        Set<String> keys = new HashSet<>();
        history.snapshots().forEach(s -> s.events().forEach(e -> keys.add(
                io.trackctl.core.rules.EventIdentity.key(e))));
        return keys.size();
    }
}
