package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.core.model.ImportCounts;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndEndsWithANewLine() {
        StringWriter err = new StringWriter();
        Progress bar = Progress.forStream(new PrintWriter(err), true);
        bar.update(new ImportCounts(200, 100, 90, 5, 5));
        bar.done(new ImportCounts(200, 200, 190, 5, 5));
        assertThat(err.toString()).startsWith("\r[###############...............]  50%  100/200 rows")
                .contains("\r[##############################] 100%  200/200 rows, 190 new, 5 duplicate, 5 failed")
                .endsWith(System.lineSeparator());
    }

    @Test
    void elsewhereOnlyPlainLinesAreWrittenWithoutCarriageReturns() {
        StringWriter err = new StringWriter();
        Progress lines = Progress.forStream(new PrintWriter(err), false);
        lines.update(new ImportCounts(10, 5, 5, 0, 0));
        lines.done(new ImportCounts(10, 10, 10, 0, 0));
        assertThat(err.toString()).doesNotContain("\r").contains("done: 10/10 rows, 10 new, 0 duplicate, 0 failed");
    }
}
