package io.trackctl.store.internal;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamedSqlTest {

    @Test
    void namesBecomePositionalParametersInOrderAndMayRepeat() {
        NamedSql s = NamedSql.parse("t", "UPDATE t SET a = :a, updated_at = :now WHERE id = :id AND b < :now");

        assertThat(s.sql()).isEqualTo("UPDATE t SET a = ?, updated_at = ? WHERE id = ? AND b < ?");
        assertThat(s.names()).containsExactly("a", "now", "id", "now");
        Map<String, Object> values = new HashMap<>(Map.of("a", 1, "now", "T", "id", 7L));
        assertThat(s.bind(values)).containsExactly(1, "T", 7L, "T");
    }

    @Test
    void castsQuotesAndCommentsAreNotParameters() {
        NamedSql s = NamedSql.parse("t", """
                SELECT ':x', "col:y", :at::timestamptz -- :comment
                /* :block */ FROM t WHERE v = 'it''s :z' AND w = :w""");

        assertThat(s.names()).containsExactly("at", "w");
        assertThat(s.sql()).isEqualTo("""
                SELECT ':x', "col:y", ?::timestamptz -- :comment
                /* :block */ FROM t WHERE v = 'it''s :z' AND w = ?""");
    }

    @Test
    void dollarQuotedBodiesAreLeftAloneAndPositionalParametersAreNotTags() {
        NamedSql s = NamedSql.parse("t", """
                DO $$ BEGIN PERFORM ':a'; END $$; SELECT $fn$ :b $fn$, $1, :c, $x""");

        assertThat(s.names()).containsExactly("c");
        assertThat(s.sql()).isEqualTo("""
                DO $$ BEGIN PERFORM ':a'; END $$; SELECT $fn$ :b $fn$, $1, ?, $x""");
    }

    @Test
    void aDollarInsideAnIdentifierOpensNoStringAndNamesStopAtOtherCharacters() {
        NamedSql s = NamedSql.parse("t", "SELECT a$b$c FROM t WHERE id = :id AND x = :x$1");

        assertThat(s.names()).containsExactly("id", "x");
        assertThat(s.sql()).isEqualTo("SELECT a$b$c FROM t WHERE id = ? AND x = ?$1");
    }

    @Test
    void anUnterminatedQuoteDollarQuoteOrCommentIsAnError() {
        for (String text : new String[] {"SELECT ':a FROM t", "SELECT \"a FROM t", "SELECT $$ :a", "SELECT /* :a"}) {
            assertThatThrownBy(() -> NamedSql.parse("bad.one", text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.one")
                    .hasMessageContaining("unterminated");
        }
    }

    @Test
    void namesAndPlaceholdersDoNotMixButAnEscapedQuestionMarkIsFine() {
        assertThatThrownBy(() -> NamedSql.parse("shop.tags", "SELECT * FROM s WHERE tags ? 'vip' AND id = :id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop.tags").hasMessageContaining("??");

        NamedSql escaped = NamedSql.parse("shop.tags", "SELECT * FROM s WHERE tags ?? 'vip' AND id = :id AND n = '?'");
        assertThat(escaped.names()).containsExactly("id");
        assertThat(escaped.sql()).isEqualTo("SELECT * FROM s WHERE tags ?? 'vip' AND id = ? AND n = '?'");

        assertThat(NamedSql.parse("t", "INSERT INTO t VALUES (?, ?)").names()).isEmpty();
    }

    @Test
    void aNullValueIsBoundButAMissingOneIsAnError() {
        NamedSql s = NamedSql.parse("job.find", "SELECT * FROM j WHERE id = :id OR ref = :ref");
        Map<String, Object> values = new HashMap<>();
        values.put("id", null);

        assertThatThrownBy(() -> s.bind(values)).hasMessageContaining("job.find").hasMessageContaining(":ref");
        values.put("ref", 3);
        assertThat(s.bind(values)).containsExactly(null, 3);
    }

    @Test
    void everyStatementOfBothDialectsParsesToAsManyPlaceholdersAsNames() {
        for (Dialect d : Dialect.values()) {
            Statements statements = Statements.load(d.statementsResource());
            statements.all().forEach((name, text) -> {
                NamedSql s = statements.prepared(name);
                long placeholders = s.sql().chars().filter(c -> c == '?').count();
                long alreadyPositional = text.chars().filter(c -> c == '?').count();
                assertThat(placeholders).as(d + " " + name).isEqualTo(s.names().size() + alreadyPositional);
                assertThat(s.sql()).as(d + " " + name).doesNotContainPattern("(?<!:):[a-z_]");
            });
        }
    }
}
