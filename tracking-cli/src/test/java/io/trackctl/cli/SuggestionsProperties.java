package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The edit distance behind "did you mean" is a distance, and one edit is one. */
class SuggestionsProperties {

    @Property
    void isZeroExactlyForEqualStringsAndSymmetric(@ForAll @StringLength(max = 12) String a,
                                                  @ForAll @StringLength(max = 12) String b) {
        assertThat(Suggestions.distance(a, a)).isZero();
        assertThat(Suggestions.distance(a, b)).isEqualTo(Suggestions.distance(b, a));
        assertThat(Suggestions.distance(a, b) == 0).isEqualTo(a.equals(b));
    }

    @Property
    void liesBetweenTheLengthsDifferenceAndTheLongerLength(@ForAll @StringLength(max = 12) String a,
                                                           @ForAll @StringLength(max = 12) String b) {
        int d = Suggestions.distance(a, b);
        assertThat(d).isBetween(Math.abs(a.length() - b.length()), Math.max(a.length(), b.length()));
    }

    @Property
    void oneInsertionDeletionReplacementOrSwapIsOneEdit(@ForAll @AlphaChars @StringLength(min = 2, max = 12) String s,
                                                       @ForAll @IntRange(max = 11) int at, @ForAll @AlphaChars char c) {
        int i = at % s.length();
        String inserted = s.substring(0, i) + c + s.substring(i);
        String deleted = s.substring(0, i) + s.substring(i + 1);
        assertThat(Suggestions.distance(s, inserted)).isEqualTo(1);
        assertThat(Suggestions.distance(s, deleted)).isEqualTo(1);
        if (s.charAt(i) != c) {
            assertThat(Suggestions.distance(s, s.substring(0, i) + c + s.substring(i + 1))).isEqualTo(1);
        }
        int j = Math.min(i, s.length() - 2);
        Assume.that(s.charAt(j) != s.charAt(j + 1));
        String swapped = s.substring(0, j) + s.charAt(j + 1) + s.charAt(j) + s.substring(j + 2);
        assertThat(Suggestions.distance(s, swapped)).isEqualTo(1);
    }

    @Property
    void suggestsAtMostTwoCloseNamesNeverTheTypedOne(@ForAll @AlphaChars @StringLength(min = 1, max = 8) String typed,
                                                     @ForAll List<@AlphaChars @StringLength(min = 1, max = 8) String> names) {
        List<String> close = Suggestions.close(typed, names.stream());
        int allowed = typed.length() >= 5 ? 2 : 1;
        assertThat(close).hasSizeLessThanOrEqualTo(2).doesNotContain(typed).isSubsetOf(names)
                .allSatisfy(n -> assertThat(Suggestions.distance(typed, n)).isLessThanOrEqualTo(allowed));
    }

    @Property(tries = 1)
    void examples() {
        assertThat(Suggestions.close("lst", Stream.of("list", "show", "serve"))).containsExactly("list");
        assertThat(Suggestions.close("--stauts", Stream.of("--status", "--stacktrace"))).containsExactly("--status");
        assertThat(Suggestions.close("frobnicate", Stream.of("simulate", "jobs", "carriers"))).isEmpty();
        assertThat(Suggestions.close("--page-szie", Stream.of("--page", "--page-size"))).containsExactly("--page-size");
    }
}
