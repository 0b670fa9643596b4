package io.trackctl.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    private static List<ImportRow> read(byte[] bytes) throws Exception {
        List<ImportRow> rows = new ArrayList<>();
        try (CsvRows r = CsvRows.open(new ByteArrayInputStream(bytes))) {
            r.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static List<ImportRow> read(String text) throws Exception {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAPlainFileWithTheCanonicalHeader() throws Exception {
        List<ImportRow> rows = read("trackingNumber,carrierCode,parcelNo,orderExternalId,source,shippedAt\n"
                + "LX900000015CN,china-post,P1,ORD-1,shopify,2026-11-20\n"
                + "1Z999AA10123456784,ups,,,,\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(new ImportRow(2, "LX900000015CN,china-post,P1,ORD-1,shopify,2026-11-20",
                "LX900000015CN", "china-post", "P1", "ORD-1", "shopify", "2026-11-20"));
        assertThat(rows.get(1).carrier()).isEqualTo("ups");
        assertThat(rows.get(1).parcelNo()).isNull();
        assertThat(rows.get(1).lineNumber()).isEqualTo(3);
    }

    @Test
    void headerAliasesIgnoreCaseSpacesAndPunctuation() throws Exception {
        List<ImportRow> rows = read("Order ID;TRACKING NUMBER;Carrier;Shipped-At\nO-9;ab12345;usps;2026-01-02\n");

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.trackingNumber()).isEqualTo("ab12345");
            assertThat(r.orderExternalId()).isEqualTo("O-9");
            assertThat(r.carrier()).isEqualTo("usps");
            assertThat(r.shippedAt()).isEqualTo("2026-01-02");
        });
    }

    @Test
    void aByteOrderMarkCrlfAndTabsAreHandled() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "tracking_number\tcarrier\r\nAB1234567\tusps\r\nCD7654321\tups\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);

        List<ImportRow> rows = read(all);

        assertThat(rows).extracting(ImportRow::trackingNumber).containsExactly("AB1234567", "CD7654321");
        assertThat(rows).extracting(ImportRow::carrier).containsExactly("usps", "ups");
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndNewlinesAndLineNumbersFollowTheFile() throws Exception {
        List<ImportRow> rows = read("trackingNumber,orderExternalId\n"
                + "AB1234567,\"ord, with comma\"\n"
                + "CD1234567,\"two\nlines\"\n"
                + "EF1234567,\"say \"\"hi\"\"\"\n");

        assertThat(rows).extracting(ImportRow::orderExternalId)
                .containsExactly("ord, with comma", "two\nlines", "say \"hi\"");
        assertThat(rows).extracting(ImportRow::lineNumber).containsExactly(2L, 3L, 5L);
        assertThat(rows.get(2).rawLine()).isEqualTo("EF1234567,\"say \"\"hi\"\"\"");
    }

    @Test
    void blankLinesAreSkippedButCountForLineNumbers() throws Exception {
        List<ImportRow> rows = read("\ntrackingNumber\n\nAB1234567\n\n\nCD1234567\n");

        assertThat(rows).extracting(ImportRow::lineNumber).containsExactly(4L, 7L);
    }

    @Test
    void anEmptyFileIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> read("")).isInstanceOf(ImportFileException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("\n\n  \n")).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aFileWithoutANumberColumnNamesWhatItFound() {
        assertThatThrownBy(() -> read("name,carrier\nx,usps\n"))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("no tracking-number column")
                .hasMessageContaining("'name', 'carrier'");
    }

    @Test
    void binaryOrNonUtf8DataIsNotText() {
        assertThatThrownBy(() -> read(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("not UTF-8 text");
        assertThatThrownBy(() -> read(new byte[] {'t', 'r', 'a', 'c', 'k', 'i', 'n', 'g', '\n', (byte) 0xC3, '(', '\n'}))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("not UTF-8 text");
    }
}
