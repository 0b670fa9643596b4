package io.trackctl.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The names a mistyped command or option was likely meant to be: the visible commands or options
 * of the command it was typed to, at most one edit away (two for a name of five or more
 * characters, none for one of a single character, which any other is one edit from), where
 * swapping two neighbouring characters counts as one edit.
 */
final class Suggestions {

    private static final int MAX = 2;

    private Suggestions() {
    }

    /** {@code ; did you mean 'list'?}, or nothing when no name is close enough. */
    static String hint(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()
                || e.getCommandLine() == null) {
            return "";
        }
        String typed = unmatched.getUnmatched().get(0);
        int eq = typed.indexOf('=');
        String name = typed.startsWith("-") && eq > 0 ? typed.substring(0, eq) : typed;
        List<String> close = close(name, candidates(e.getCommandLine().getCommandSpec(), name.startsWith("-")));
        return close.isEmpty() ? ""
                : "; did you mean " + String.join(" or ", close.stream().map(n -> "'" + n + "'").toList()) + "?";
    }

    /** The candidates closest to {@code typed}, nearest first, at most {@value #MAX}. */
    static List<String> close(String typed, Stream<String> candidates) {
        int allowed = allowedEdits(typed);
        record Scored(String name, int distance) {
        }
        return candidates.filter(c -> !c.equals(typed)).distinct()
                .map(c -> new Scored(c, distance(typed, c)))
                .filter(s -> s.distance() <= allowed)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .limit(MAX)
                .map(Scored::name)
                .toList();
    }

    /** How many edits away a suggestion may be, by the length of the name without its dashes. */
    static int allowedEdits(String typed) {
        int length = typed.replaceFirst("^-+", "").length();
        return length >= 5 ? 2 : Math.min(1, length - 1);
    }

    private static Stream<String> candidates(CommandSpec spec, boolean option) {
        if (option) {
            return spec.options().stream().filter(o -> !o.hidden()).flatMap(o -> Arrays.stream(o.names()));
        }
        return spec.subcommands().entrySet().stream()
                .filter(sub -> !sub.getValue().getCommandSpec().usageMessage().hidden())
                .map(java.util.Map.Entry::getKey);
    }

    /** Edits (insert, delete, replace, swap of neighbours) from {@code a} to {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
