package io.trackctl.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusVocabularyTest {

    private static final List<String> MAIN_WIRE = List.of("NotFound", "InfoReceived", "InTransit", "Expired",
            "AvailableForPickup", "OutForDelivery", "DeliveryFailure", "Delivered", "Exception");

    private static final List<String> SUB_WIRE = List.of(
            "NotFound_Other", "NotFound_InvalidCode", "InfoReceived",
            "InTransit_PickedUp", "InTransit_Departure", "InTransit_Arrival", "InTransit_CustomsProcessing",
            "InTransit_CustomsReleased", "InTransit_CustomsRequiringInformation", "InTransit_Other",
            "Expired_Other", "AvailableForPickup_Other", "OutForDelivery_Other",
            "DeliveryFailure_NoBody", "DeliveryFailure_Security", "DeliveryFailure_Rejected",
            "DeliveryFailure_InvalidAddress", "DeliveryFailure_Other", "Delivered_Other",
            "Exception_Returning", "Exception_Returned", "Exception_NoBody", "Exception_Security",
            "Exception_Damage", "Exception_Rejected", "Exception_Delayed", "Exception_Lost",
            "Exception_Destroyed", "Exception_Cancel", "Exception_Other");

    private static final List<String> STAGE_WIRE = List.of("InfoReceived", "PickedUp", "Departure", "Arrival",
            "AvailableForPickup", "OutForDelivery", "Delivered", "Returning", "Returned");

    @Test
    void theVocabulariesHaveExactlyTheDocumentedSizes() {
        assertThat(MAIN_WIRE).hasSize(9).doesNotHaveDuplicates();
        assertThat(SUB_WIRE).hasSize(30).doesNotHaveDuplicates();
        assertThat(STAGE_WIRE).hasSize(9).doesNotHaveDuplicates();
        assertThat(Arrays.stream(MainStatus.values()).filter(s -> s != MainStatus.UNKNOWN).map(MainStatus::wire))
                .containsExactlyElementsOf(MAIN_WIRE);
        assertThat(Arrays.stream(SubStatus.values()).filter(s -> s != SubStatus.UNKNOWN).map(SubStatus::wire))
                .containsExactlyElementsOf(SUB_WIRE);
        assertThat(Arrays.stream(Stage.values()).filter(s -> s != Stage.UNKNOWN).map(Stage::wire))
                .containsExactlyElementsOf(STAGE_WIRE);
    }

    @Test
    void everyMainStatusParsesFromItsWireTextInAnyCaseAndWithSpaces() {
        for (String wire : MAIN_WIRE) {
            MainStatus s = MainStatus.parse(wire);
            assertThat(s).isNotEqualTo(MainStatus.UNKNOWN);
            assertThat(s.wire()).isEqualTo(wire);
            assertThat(MainStatus.parse(wire.toLowerCase(Locale.ROOT))).isEqualTo(s);
            assertThat(MainStatus.parse(wire.toUpperCase(Locale.ROOT))).isEqualTo(s);
            assertThat(MainStatus.parse("  " + wire + "\t")).isEqualTo(s);
        }
    }

    @Test
    void aMainStatusAlsoParsesFromItsEnumName() {
        assertThat(MainStatus.parse("IN_TRANSIT")).isEqualTo(MainStatus.IN_TRANSIT);
        assertThat(MainStatus.parse("delivery_failure")).isEqualTo(MainStatus.DELIVERY_FAILURE);
    }

    @Test
    void everySubStatusParsesInAnyCaseAndBelongsToTheMainStatusItsPrefixNames() {
        for (String wire : SUB_WIRE) {
            SubStatus s = SubStatus.parse(wire);
            assertThat(s).as(wire).isNotEqualTo(SubStatus.UNKNOWN);
            assertThat(s.wire()).isEqualTo(wire);
            assertThat(SubStatus.parse(wire.toLowerCase(Locale.ROOT))).isEqualTo(s);
            assertThat(SubStatus.parse(wire.toUpperCase(Locale.ROOT))).isEqualTo(s);
            assertThat(SubStatus.parse(" " + wire + " ")).isEqualTo(s);
            String mainWire = wire.contains("_") ? wire.substring(0, wire.indexOf('_')) : wire;
            assertThat(s.main()).as(wire).isEqualTo(MainStatus.parse(mainWire));
        }
    }

    @Test
    void exceptionDamagedIsReadAsExceptionDamage() {
        assertThat(SubStatus.parse("Exception_Damaged")).isEqualTo(SubStatus.EXCEPTION_DAMAGE);
        assertThat(SubStatus.parse("exception_damaged")).isEqualTo(SubStatus.EXCEPTION_DAMAGE);
        TrackStatus s = TrackStatus.parse("Exception", "Exception_Damaged");
        assertThat(s.sub()).isEqualTo(SubStatus.EXCEPTION_DAMAGE);
        assertThat(s.rawSub()).isEqualTo("Exception_Damaged");
    }

    @Test
    void everyStageParsesInAnyCase() {
        for (String wire : STAGE_WIRE) {
            Stage s = Stage.parse(wire);
            assertThat(s).isNotEqualTo(Stage.UNKNOWN);
            assertThat(s.wire()).isEqualTo(wire);
            assertThat(Stage.parse(wire.toUpperCase(Locale.ROOT))).isEqualTo(s);
            assertThat(Stage.parse(" " + wire.toLowerCase(Locale.ROOT) + " ")).isEqualTo(s);
        }
    }

    @Test
    void aMainStatusUsedAsAStageIsUnknownNotAnError() {
        assertThat(Stage.parse("InTransit")).isEqualTo(Stage.UNKNOWN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", "Teleported", "InTransit_Teleported", "Delivered_", "_Other", "10"})
    void textOutsideTheVocabulariesIsUnknown(String text) {
        assertThat(MainStatus.parse(text)).isEqualTo(MainStatus.UNKNOWN);
        assertThat(SubStatus.parse(text)).isEqualTo(SubStatus.UNKNOWN);
        assertThat(Stage.parse(text)).isEqualTo(Stage.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource({
        "0, NOT_FOUND", "10, IN_TRANSIT", "20, EXPIRED", "30, AVAILABLE_FOR_PICKUP", "35, DELIVERY_FAILURE",
        "40, DELIVERED", "50, EXCEPTION", "60, UNKNOWN", "-1, UNKNOWN", "15, UNKNOWN"})
    void v1NumericCodesMapToTheDocumentedMainStatus(int code, MainStatus expected) {
        assertThat(MainStatus.fromV1(code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "NOT_FOUND, 0", "INFO_RECEIVED, 10", "IN_TRANSIT, 10", "OUT_FOR_DELIVERY, 10", "EXPIRED, 20",
        "AVAILABLE_FOR_PICKUP, 30", "DELIVERY_FAILURE, 35", "DELIVERED, 40", "EXCEPTION, 50", "UNKNOWN, -1"})
    void everyMainStatusFallsUnderItsV1Code(MainStatus status, int code) {
        assertThat(status.v1Code()).isEqualTo(code);
    }

    @Test
    void goingToV1AndBackKeepsTheStatusesV1CanExpress() {
        for (MainStatus s : MainStatus.values()) {
            if (s == MainStatus.UNKNOWN) {
                continue;
            }
            MainStatus back = MainStatus.fromV1(s.v1Code());
            if (s == MainStatus.INFO_RECEIVED || s == MainStatus.OUT_FOR_DELIVERY) {
                assertThat(back).isEqualTo(MainStatus.IN_TRANSIT);
            } else {
                assertThat(back).isEqualTo(s);
            }
        }
    }

    @Test
    void onlyDeliveredAndExpiredAreFinal() {
        assertThat(Arrays.stream(MainStatus.values()).filter(MainStatus::isFinal))
                .containsExactlyInAnyOrder(MainStatus.DELIVERED, MainStatus.EXPIRED);
    }

    @Test
    void aTrackStatusKeepsTheRawTextOfAnUnknownValue() {
        TrackStatus s = TrackStatus.parse("Teleported", "Teleported_ToMars");
        assertThat(s.main()).isEqualTo(MainStatus.UNKNOWN);
        assertThat(s.sub()).isEqualTo(SubStatus.UNKNOWN);
        assertThat(s.rawMain()).isEqualTo("Teleported");
        assertThat(s.rawSub()).isEqualTo("Teleported_ToMars");
        assertThat(s.raw()).isEqualTo("Teleported/Teleported_ToMars");
    }

    @Test
    void aTrackStatusKeepsTheRawTextAsSpelledWhenItIsKnown() {
        TrackStatus s = TrackStatus.parse("intransit", "INTRANSIT_CUSTOMSPROCESSING");
        assertThat(s.main()).isEqualTo(MainStatus.IN_TRANSIT);
        assertThat(s.sub()).isEqualTo(SubStatus.IN_TRANSIT_CUSTOMS_PROCESSING);
        assertThat(s.raw()).isEqualTo("intransit/INTRANSIT_CUSTOMSPROCESSING");
    }

    @Test
    void aKnownSubStatusFillsInAMissingMainStatusButNotAnUnknownOne() {
        assertThat(TrackStatus.parse(null, "Delivered_Other").main()).isEqualTo(MainStatus.DELIVERED);
        assertThat(TrackStatus.parse(" ", "Exception_Lost").main()).isEqualTo(MainStatus.EXCEPTION);
        assertThat(TrackStatus.parse("Warped", "Delivered_Other").main()).isEqualTo(MainStatus.UNKNOWN);
    }

    @Test
    void nullAndBlankStatusesAreUnknownWithoutRawText() {
        for (String blank : new String[] {null, "", "  "}) {
            TrackStatus s = TrackStatus.parse(blank, blank);
            assertThat(s.main()).isEqualTo(MainStatus.UNKNOWN);
            assertThat(s.sub()).isEqualTo(SubStatus.UNKNOWN);
            assertThat(s.rawMain()).isNull();
            assertThat(s.rawSub()).isNull();
            assertThat(s.raw()).isNull();
            assertThat(s).isEqualTo(TrackStatus.NONE);
        }
        assertThat(TrackStatus.parse("Delivered", null).raw()).isEqualTo("Delivered/");
        assertThat(new TrackStatus(null, null, null, null)).isEqualTo(TrackStatus.NONE);
    }

    @Test
    void trackStatusTrimsTheRawText() {
        assertThat(TrackStatus.parse(" Delivered ", " Delivered_Other ").raw()).isEqualTo("Delivered/Delivered_Other");
    }
}
