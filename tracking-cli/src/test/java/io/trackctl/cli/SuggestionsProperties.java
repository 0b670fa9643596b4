package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The edit count behind "did you mean": zero only for equal names, symmetric, one for one edit; and the names it picks. */
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
        if (s.charAt(j) != s.charAt(j + 1)) {
            String swapped = s.substring(0, j) + s.charAt(j + 1) + s.charAt(j) + s.substring(j + 2);
            assertThat(Suggestions.distance(s, swapped)).isEqualTo(1);
        }
    }

    @Property
    void findsANameOneEditAwayAndListsTheNearestFirst(
            @ForAll boolean option, @ForAll @AlphaChars @StringLength(min = 2, max = 8) String word,
            @ForAll @IntRange(max = 3) int edit, @ForAll @IntRange(max = 7) int at, @ForAll @AlphaChars char c,
            @ForAll List<@AlphaChars @StringLength(min = 1, max = 8) String> others) {
        String typed = (option ? "--" : "") + word;
        String near = (option ? "--" : "") + oneEdit(word, edit, at % word.length(), c);
        Assume.that(!near.equals(typed));
        Statistics.label("kind").collect(option ? "option" : "command");
        Statistics.label("allowed edits").collect(Suggestions.allowedEdits(typed));
        Statistics.label("kind").coverage(cov -> {
            cov.check("option").percentage(p -> p > 30);
            cov.check("command").percentage(p -> p > 30);
        });
        Statistics.label("allowed edits").coverage(cov -> {
            cov.check(1).percentage(p -> p > 10);
            cov.check(2).percentage(p -> p > 10);
        });
        List<String> names = new ArrayList<>(others);
        names.add(near);

        List<String> close = Suggestions.close(typed, names.stream());

        assertThat(close).isNotEmpty().hasSizeLessThanOrEqualTo(2).doesNotContain(typed).isSubsetOf(names)
                .doesNotHaveDuplicates()
                .allSatisfy(n -> assertThat(Suggestions.distance(typed, n)).isLessThanOrEqualTo(1
                        + (word.length() >= 5 ? 1 : 0)));
        assertThat(Suggestions.distance(typed, close.get(0))).isEqualTo(1);
        assertThat(close).isSortedAccordingTo(Comparator.<String>comparingInt(n -> Suggestions.distance(typed, n))
                .thenComparing(Comparator.naturalOrder()));
    }

    @Property
    void aSingleCharacterGetsNoSuggestion(@ForAll boolean option, @ForAll @AlphaChars char typed,
                                          @ForAll List<@AlphaChars @StringLength(min = 1, max = 3) String> names) {
        String name = (option ? "-" : "") + typed;
        assertThat(Suggestions.close(name, names.stream().map(n -> (option ? "-" : "") + n))).isEmpty();
    }

    /** {@code s} with one insertion, deletion, replacement or swap of neighbours at {@code i}. */
    private static String oneEdit(String s, int kind, int i, char c) {
        return switch (kind) {
            case 0 -> s.substring(0, i) + c + s.substring(i);
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            case 2 -> s.substring(0, i) + c + s.substring(i + 1);
            default -> {
                int j = Math.min(i, s.length() - 2);
                yield s.substring(0, j) + s.charAt(j + 1) + s.charAt(j) + s.substring(j + 2);
            }
        };
    }

    @Example
    void examples() {
        assertThat(Suggestions.close("lst", Stream.of("list", "show", "serve"))).containsExactly("list");
        assertThat(Suggestions.close("--stauts", Stream.of("--status", "--stacktrace"))).containsExactly("--status");
        assertThat(Suggestions.close("frobnicate", Stream.of("simulate", "jobs", "carriers"))).isEmpty();
        assertThat(Suggestions.close("--page-szie", Stream.of("--page", "--page-size"))).containsExactly("--page-size");
        assertThat(Suggestions.close("-x", Stream.of("-h", "-V", "-v"))).isEmpty();
        assertThat(Suggestions.close("d", Stream.of("db"))).isEmpty();
    }
}
