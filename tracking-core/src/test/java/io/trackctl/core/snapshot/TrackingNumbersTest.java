package io.trackctl.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LX123456789CN|LX123456789CN",
        "  lx123456789cn  |LX123456789CN",
        "LX 1234 5678 9CN|LX123456789CN",
        "1Z999AA10123456784|1Z999AA10123456784",
        "ab-cd-12|AB-CD-12"})
    void normalizingTrimsDropsInnerSpaceAndUpperCases(String raw, String expected) {
        assertThat(TrackingNumbers.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void normalizingDropsTabsAndLineBreaks() {
        assertThat(TrackingNumbers.normalize("lx\t123\r\n456789cn")).isEqualTo("LX123456789CN");
    }

    @Test
    void normalizingDropsNoBreakSpacesAndByteOrderMarks() {
        assertThat(TrackingNumbers.normalize("\uFEFFLX123\u00A0456789CN\u2003")).isEqualTo("LX123456789CN");
    }

    @Test
    void normalizingNullGivesNullAndIsIdempotent() {
        assertThat(TrackingNumbers.normalize(null)).isNull();
        String once = TrackingNumbers.normalize(" lx 12 ");
        assertThat(TrackingNumbers.normalize(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "LX123456789CN", "9400100000000000000123", "AB-12", "1-2-3"})
    void numbersOfFiveToFiftyLettersDigitsAndHyphensAreValid(String n) {
        assertThat(TrackingNumbers.isValid(n)).isTrue();
        assertThat(TrackingNumbers.problem(n)).isNull();
    }

    @Test
    void theLengthLimitsAreInclusive() {
        assertThat(TrackingNumbers.isValid("A".repeat(5))).isTrue();
        assertThat(TrackingNumbers.isValid("A".repeat(50))).isTrue();
        assertThat(TrackingNumbers.isValid("A".repeat(4))).isFalse();
        assertThat(TrackingNumbers.isValid("A".repeat(51))).isFalse();
        assertThat(TrackingNumbers.problem("A".repeat(4))).isEqualTo("tracking number must be 5 to 50 characters, got 4");
        assertThat(TrackingNumbers.problem("A".repeat(51))).contains("got 51");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LX12345678/CN", "LX1234_56789", "LX123.456789", "ÄÖÜ12345", "-----", "LX1234\u200B5678"})
    void otherCharactersAreInvalid(String raw) {
        assertThat(TrackingNumbers.isValid(TrackingNumbers.normalize(raw))).isFalse();
        assertThat(TrackingNumbers.problem(raw)).isEqualTo("tracking number may contain only letters, digits and hyphens");
    }

    @Test
    void isValidExpectsANormalizedNumber() {
        assertThat(TrackingNumbers.isValid("lx123456789cn")).isFalse();
        assertThat(TrackingNumbers.isValid(null)).isFalse();
        assertThat(TrackingNumbers.problem("lx123456789cn")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "\u00A0"})
    void aMissingNumberIsReportedAsMissing(String raw) {
        assertThat(TrackingNumbers.problem(raw)).isEqualTo("tracking number is missing");
        assertThat(TrackingNumbers.problem(null)).isEqualTo("tracking number is missing");
    }

    @Test
    void theProblemIsNullExactlyWhenTheNormalizedNumberIsValid() {
        for (String raw : new String[] {"lx 123", "lx 12345", "a-b-c-d", "x", "12 34 5", "#12345"}) {
            assertThat(TrackingNumbers.problem(raw) == null).as(raw)
                    .isEqualTo(TrackingNumbers.isValid(TrackingNumbers.normalize(raw)));
        }
    }
}
