package io.trackctl.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** The hand-written checks agree with the rules written the plain way (white space, upper case, a pattern). */
class TrackingNumbersProperties {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9-]{5,50}");

    @Property(tries = 2000)
    void normalizingAgreesWithTheRule(@ForAll @StringLength(max = 60) String raw) {
        assertThat(TrackingNumbers.normalize(raw)).isEqualTo(byTheRule(raw));
    }

    @Property(tries = 2000)
    void normalizingNumberLikeTextAgreesWithTheRule(
            @ForAll @StringLength(max = 60) @CharRange(from = 'a', to = 'z') @CharRange(from = 'A', to = 'Z')
            @CharRange(from = '0', to = '9') @Chars({'-', ' ', '\t', '\u00A0', '\uFEFF', 'ß', 'é', '\u007F', '\u0001'})
            String raw) {
        assertThat(TrackingNumbers.normalize(raw)).isEqualTo(byTheRule(raw));
        assertThat(TrackingNumbers.isValid(TrackingNumbers.normalize(raw)))
                .isEqualTo(validByTheRule(byTheRule(raw)));
    }

    @Property(tries = 2000)
    void validityAgreesWithThePattern(
            @ForAll @StringLength(max = 60) @CharRange(from = 'A', to = 'Z') @CharRange(from = '0', to = '9')
            @Chars({'-', 'a', '/', 'Ä', ' '}) String n) {
        assertThat(TrackingNumbers.isValid(n)).isEqualTo(validByTheRule(n));
    }

    private static String byTheRule(String raw) {
        StringBuilder b = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\uFEFF') {
                b.append(c);
            }
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    private static boolean validByTheRule(String n) {
        return FORMAT.matcher(n).matches() && n.chars().anyMatch(Character::isLetterOrDigit);
    }
}
