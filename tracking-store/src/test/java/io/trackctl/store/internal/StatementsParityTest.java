package io.trackctl.store.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementsParityTest {

    @Test
    void bothDialectsDefineTheSameStatementNames() {
        Statements sqlite = Statements.load(Dialect.SQLITE.statementsResource());
        Statements postgres = Statements.load(Dialect.POSTGRESQL.statementsResource());

        assertThat(sqlite.all().keySet()).isNotEmpty().containsExactlyElementsOf(postgres.all().keySet());
    }

    @Test
    void bothDialectsHaveMigrationsOfTheSameVersionsAndNames() throws Exception {
        assertThat(migrations(Dialect.SQLITE)).containsExactly("V1__schema.sql", "V2__carrier_catalogue.sql",
                        "V3__keyword_index_by_statement.sql", "V4__job_claim_by_kind.sql",
                        "V5__dedupe_claim_on_the_log.sql", "V6__job_indexes_claim_only.sql",
                        "V7__webhook_outcome_index_partial.sql")
                .containsExactlyElementsOf(migrations(Dialect.POSTGRESQL));
    }

    @Test
    void aStatementFileIsSplitAtNameLinesAndCommentsAreLeftOut() {
        Statements s = Statements.parse("""
                -- header
                -- name: a.one
                SELECT 1;

                -- why this exists
                -- name: a.two
                SELECT *
                FROM t
                """);

        assertThat(s.sql("a.one")).isEqualTo("SELECT 1");
        assertThat(s.sql("a.two")).isEqualTo("SELECT *\nFROM t");
        assertThatThrownBy(() -> s.sql("a.three")).hasMessageContaining("a.three");
    }

    private static List<String> migrations(Dialect d) throws IOException, URISyntaxException {
        String folder = d.migrationLocation().substring("classpath:".length());
        Path dir = Path.of(StatementsParityTest.class.getClassLoader().getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
