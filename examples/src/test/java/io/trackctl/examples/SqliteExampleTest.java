package io.trackctl.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteExampleTest {

    @Test
    void importsTheCsvAppliesThePushAndPrintsTheDeliveredStatus(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        String status = SqliteExample.run(dir, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo("DELIVERED");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("import COMPLETED_WITH_ERRORS: 2 stored, 1 refused")
                .contains("LX900000015CN is DELIVERED");
        assertThat(dir.resolve("example.db")).exists();
    }
}
