package io.trackctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrinterTest {

    private final List<Map<String, Object>> rows = List.of(row(1, "short", null), row(22, "a, \"quoted\" one", 7));

    private static Map<String, Object> row(long id, String name, Integer n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("n", n);
        return m;
    }

    private String print(OutputOptions.Format format) {
        StringWriter out = new StringWriter();
        new Printer(new PrintWriter(out), format).list(rows, List.of("id", "name", "n"));
        return out.toString();
    }

    @Test
    void tablesAlignColumnsUnderUpperCaseHeaders() {
        assertThat(print(OutputOptions.Format.table).lines().toList()).containsExactly(
                "ID  NAME             N",
                "1   short",
                "22  a, \"quoted\" one  7");
    }

    @Test
    void csvQuotesCommasAndQuotesAndLeavesNullsEmpty() {
        assertThat(print(OutputOptions.Format.csv).lines().toList()).containsExactly(
                "id,name,n", "1,short,", "22,\"a, \"\"quoted\"\" one\",7");
    }

    @Test
    void jsonKeepsTypesAndNulls() {
        assertThat(print(OutputOptions.Format.json)).contains("\"id\" : 22").contains("\"n\" : null");
    }
}
