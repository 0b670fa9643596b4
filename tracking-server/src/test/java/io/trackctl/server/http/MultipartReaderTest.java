package io.trackctl.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static final String B = "xYzZY";

    record Part(String name, String fileName, String contentType, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsFieldsAndAFileWhoseContentDoesNotEndWithALineBreak() throws IOException {
        String body = "--" + B + "\r\n"
                + "Content-Disposition: form-data; name=\"shopId\"\r\n\r\n"
                + "42\r\n"
                + "--" + B + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "trackingNumber\r\nTN1\r\nTN2"
                + "\r\n--" + B + "--\r\n";

        List<Part> parts = parse(body.getBytes(StandardCharsets.UTF_8), 7);

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("shopId");
        assertThat(parts.get(0).text()).isEqualTo("42");
        assertThat(parts.get(1).fileName()).isEqualTo("a \"b\".csv");
        assertThat(parts.get(1).contentType()).isEqualTo("text/csv");
        assertThat(parts.get(1).text()).isEqualTo("trackingNumber\r\nTN1\r\nTN2");
    }

    @Test
    void keepsAFinalLineBreakThatBelongsToTheFileAndIgnoresPreambleAndEpilogue() throws IOException {
        String body = "preamble\r\n--" + B + "  \r\n"
                + "content-disposition: form-data; name=file; filename=x.csv\n\n"
                + "a,b\r\n\r\n"
                + "\r\n--" + B + "--\r\nepilogue --" + B;

        List<Part> parts = parse(body.getBytes(StandardCharsets.UTF_8), 1);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).name()).isEqualTo("file");
        assertThat(parts.get(0).text()).isEqualTo("a,b\r\n\r\n");
    }

    @Test
    void aLargeBinaryPartSurvivesAnyReadSizeUnchanged() throws IOException {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        // near-misses of the delimiter inside the content
        byte[] near = ("\r\n--" + B.substring(0, 4)).getBytes(StandardCharsets.US_ASCII);
        for (int at = 1000; at < content.length - near.length; at += 65_531) {
            System.arraycopy(near, 0, content, at, near.length);
        }
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + B + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + B + "--").getBytes(StandardCharsets.US_ASCII));

        for (int chunk : new int[] {1, 3, 4096, 100_000}) {
            List<Part> parts = parse(out.toByteArray(), chunk);
            assertThat(parts).hasSize(1);
            assertThat(parts.get(0).content()).isEqualTo(content);
        }
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIsMalformed() {
        String body = "--" + B + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nTN1\r\n";

        assertThatThrownBy(() -> parse(body.getBytes(StandardCharsets.UTF_8), 64))
                .isInstanceOf(MultipartReader.MalformedException.class)
                .hasMessageContaining("closing boundary");
    }

    @Test
    void aPartWithoutContentDispositionIsMalformed() {
        String body = "--" + B + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + B + "--";

        assertThatThrownBy(() -> parse(body.getBytes(StandardCharsets.UTF_8), 64))
                .isInstanceOf(MultipartReader.MalformedException.class)
                .hasMessageContaining("Content-Disposition");
    }

    @Test
    void aMissingOrOverlongBoundaryIsRefused() {
        assertThatThrownBy(() -> MultipartReader.open(InputStream.nullInputStream(), null))
                .isInstanceOf(MultipartReader.MalformedException.class);
        assertThatThrownBy(() -> MultipartReader.open(InputStream.nullInputStream(), "b".repeat(71)))
                .isInstanceOf(MultipartReader.MalformedException.class);
    }

    @Test
    void headerParametersAreUnquotedAndCaseInsensitive() {
        assertThat(HeaderParameters.parse("multipart/form-data; Boundary=\"a;b\"; charset=utf-8"))
                .containsEntry("boundary", "a;b").containsEntry("charset", "utf-8");
        assertThat(HeaderParameters.parse("form-data")).isEmpty();
    }

    /** Parses with a source that hands out at most {@code chunk} bytes per read. */
    private static List<Part> parse(byte[] body, int chunk) throws IOException {
        InputStream src = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        MultipartReader r = MultipartReader.open(src, B);
        List<Part> parts = new ArrayList<>();
        for (MultipartReader.PartHeaders h = r.next(); h != null; h = r.next()) {
            parts.add(new Part(h.name(), h.fileName(), h.contentType(), r.content().readAllBytes()));
        }
        return parts;
    }
}
