package io.trackctl.core.rules;

import static io.trackctl.core.testing.TestData.aMinimalTestPush;
import static io.trackctl.core.testing.TestData.aSnapshot;
import static io.trackctl.core.testing.TestData.aStoppedPush;
import static io.trackctl.core.testing.TestData.anEvent;
import static io.trackctl.core.testing.TestData.anUpdatedPush;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trackctl.core.snapshot.SnapshotEvent;
import io.trackctl.core.snapshot.SnapshotReader;
import io.trackctl.core.snapshot.WebhookEventType;
import io.trackctl.core.snapshot.WebhookPayload;
import io.trackctl.core.status.Stage;
import io.trackctl.core.status.SubStatus;
import io.trackctl.core.testing.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DedupeKeyAndIdentityTest {

    private static final Instant T = Instant.parse("2024-11-10T08:00:00Z");

    private static WebhookPayload push(String number, Integer carrier, Instant latest, Long hash, int offsetHours) {
        return anUpdatedPush(aSnapshot().number(number).carrier(carrier).providersHash(hash)
                .withEvent(anEvent().at(latest).offsetHours(offsetHours)).build());
    }

    @Test
    void theKeyIsNumberCarrierLatestEventTimeAndProvidersHash() {
        assertThat(DedupeKey.of(push("LX123456789CN", 3011, T, -42L, 8)))
                .isEqualTo("U|LX123456789CN|3011|2024-11-10T08:00:00Z|-42");
    }

    @Test
    void theSameSnapshotGivesTheSameKeyWhateverTheLocalOffsetOrNumberSpelling() {
        assertThat(DedupeKey.of(push("lx 1234 5678 9cn", 3011, T, 1L, -5)))
                .isEqualTo(DedupeKey.of(push("LX123456789CN", 3011, T, 1L, 8)));
    }

    @Test
    void aChangedProvidersHashWithTheSameNewestEventIsANewKey() {
        assertThat(DedupeKey.of(push("LX123456789CN", 3011, T, 1L, 8)))
                .isNotEqualTo(DedupeKey.of(push("LX123456789CN", 3011, T, 2L, 8)));
    }

    @Test
    void aNewerEventAnotherCarrierOrAnotherNumberIsANewKey() {
        String base = DedupeKey.of(push("LX123456789CN", 3011, T, 1L, 8));
        assertThat(DedupeKey.of(push("LX123456789CN", 3011, T.plusMillis(1), 1L, 8))).isNotEqualTo(base);
        assertThat(DedupeKey.of(push("LX123456789CN", 190271, T, 1L, 8))).isNotEqualTo(base);
        assertThat(DedupeKey.of(push("LX123456789CN", null, T, 1L, 8))).isNotEqualTo(base);
        assertThat(DedupeKey.of(push("LX123456780CN", 3011, T, 1L, 8))).isNotEqualTo(base);
    }

    @Test
    void missingPartsAreMarkedNotOmitted() {
        assertThat(DedupeKey.of(push("LX123456789CN", null, T, null, 8)))
                .isEqualTo("U|LX123456789CN|-|2024-11-10T08:00:00Z|-");
        assertThat(DedupeKey.of(aMinimalTestPush("RR123456789CN", 3011))).isEqualTo("U|RR123456789CN|3011|-|-");
        assertThat(DedupeKey.of(anUpdatedPush(aSnapshot().number("RR123456789CN").providersHash(5L).build())))
                .isEqualTo("U|RR123456789CN|3011|-|5");
    }

    @Test
    void aStopKeysOnTheNumberAndTheEventTypeOnly() {
        String stop = DedupeKey.of(aStoppedPush("LX900000015CN", 3011, "ORD-1"));
        assertThat(stop).isEqualTo("S|LX900000015CN|3011");
        assertThat(DedupeKey.of(aStoppedPush("LX900000015CN", 3011, "ORD-2"))).isEqualTo(stop);
        assertThat(DedupeKey.of(SnapshotReader.readWebhook(Fixtures.bytes(Fixtures.STOPPED)))).isEqualTo(stop);
        assertThat(stop).isNotEqualTo(DedupeKey.of(aMinimalTestPush("LX900000015CN", 3011)));
    }

    @Test
    void theFixturesKeyOnTheirNewestEvent() {
        assertThat(DedupeKey.of(SnapshotReader.readWebhook(Fixtures.bytes(Fixtures.UPDATED_DELIVERED))))
                .isEqualTo("U|LX900000015CN|3011|2024-12-03T18:27:00Z|2011936540");
    }

    @Test
    void anUnknownEventTypeHasNoKey() {
        WebhookPayload unknown = new WebhookPayload(WebhookEventType.UNKNOWN, "X", "LX123456789CN", 1, null, null);
        assertThatThrownBy(() -> DedupeKey.of(unknown)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEventIdentityIsInstantProviderAndTextNotOffsetStageOrStatus() {
        SnapshotEvent a = anEvent().at(T).offsetHours(8).stage(Stage.ARRIVAL).subStatus(SubStatus.IN_TRANSIT_ARRIVAL)
                .build();
        SnapshotEvent b = anEvent().at(T).offsetHours(-5).stage(null).subStatus(SubStatus.IN_TRANSIT_OTHER).build();
        assertThat(EventIdentity.key(a)).isEqualTo(EventIdentity.key(b));
        assertThat(EventIdentity.key(anEvent().at(T).description("other").build())).isNotEqualTo(EventIdentity.key(a));
        assertThat(EventIdentity.key(anEvent().at(T).location("Elsewhere").build())).isNotEqualTo(EventIdentity.key(a));
        assertThat(EventIdentity.key(anEvent().at(T).provider(7041).build())).isNotEqualTo(EventIdentity.key(a));
        assertThat(EventIdentity.key(anEvent().at(T.plusMillis(1)).build())).isNotEqualTo(EventIdentity.key(a));
    }

    @Test
    void theContentHashSeparatesDescriptionFromLocation() {
        assertThat(EventIdentity.contentHash("ab", "c")).isNotEqualTo(EventIdentity.contentHash("a", "bc"));
        assertThat(EventIdentity.contentHash("abc", null)).isNotEqualTo(EventIdentity.contentHash("ab", "c"));
    }

    @Test
    void theContentHashIsSixteenLowercaseHexCharactersAndStable() {
        String h = EventIdentity.contentHash("Delivered", "BROOKLYN, NY 11201");
        assertThat(h).matches("[0-9a-f]{16}").isEqualTo(EventIdentity.contentHash("Delivered", "BROOKLYN, NY 11201"));
        assertThat(EventIdentity.contentHash("航班已起飞", "Shanghai")).matches("[0-9a-f]{16}");
        // First 8 bytes of SHA-256("Delivered" 0x00 "BROOKLYN, NY 11201"), computed outside Java:
        // pinned because stores persist it in a unique key.
        assertThat(h).isEqualTo("814f855566e4f73e");
        assertThat(h).isEqualTo(EventIdentity.contentHash(anEvent().description("Delivered")
                .location("BROOKLYN, NY 11201").build()));
    }

    @Test
    void aMissingLocationHashesLikeAnEmptyOne() {
        assertThat(EventIdentity.contentHash("x", null)).isEqualTo(EventIdentity.contentHash("x", ""));
        assertThat(EventIdentity.contentHash(null, null)).isEqualTo(EventIdentity.contentHash("", ""));
    }
}
