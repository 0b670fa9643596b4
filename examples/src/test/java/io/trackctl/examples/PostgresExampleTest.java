package io.trackctl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.TrackingNumber;
import io.trackctl.core.status.MainStatus;
import io.trackctl.store.testing.PostgresTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs against a throwaway database on the local PostgreSQL (skipped when unreachable, unless CI=true). */
class PostgresExampleTest {

    @Test
    void findsThePushedNumberByKeywordWithItsDeliveredStatus() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            List<TrackingNumber> found = PostgresExample.run(db.jdbcUrl(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(found).extracting(TrackingNumber::number).containsExactly("LX900000015CN");
            assertThat(found.getFirst().state().status().main()).isEqualTo(MainStatus.DELIVERED);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("connected to postgresql");
        }
    }
}
