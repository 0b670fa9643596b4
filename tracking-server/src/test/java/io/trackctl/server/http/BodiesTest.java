package io.trackctl.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BodiesTest {

    private static final byte[] BODY = "{\"event\":\"TRACKING_UPDATED\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aDeclaredLengthWithinTheBudgetIsReadWhole() throws IOException {
        assertThat(Bodies.read(new ByteArrayInputStream(BODY), BODY.length, 1024)).isEqualTo(BODY);
        assertThat(Bodies.read(new ByteArrayInputStream(new byte[0]), 0, 1024)).isEmpty();
    }

    @Test
    void aStreamEndingBeforeItsDeclaredLengthGivesWhatCame() throws IOException {
        assertThat(Bodies.read(new ByteArrayInputStream(BODY), BODY.length + 50, 1024)).isEqualTo(BODY);
    }

    @Test
    void withoutADeclaredLengthOrPastTheBudgetItReadsUpToTheBudget() throws IOException {
        assertThat(Bodies.read(new ByteArrayInputStream(BODY), -1, 1024)).isEqualTo(BODY);
        assertThat(Bodies.read(new ByteArrayInputStream(BODY), -1, 5)).hasSize(5);
        // Declared at the budget or beyond: read up to the budget, so the caller sees it is too long.
        assertThat(Bodies.read(new ByteArrayInputStream(BODY), BODY.length, BODY.length)).isEqualTo(BODY);
        assertThat(Bodies.read(new ByteArrayInputStream(BODY), 1_000_000, 10)).hasSize(10);
    }

    @Test
    void aDeclaredBodyThatStopsPastTheFirstChunkGivesWhatCame() throws IOException {
        byte[] part = new byte[Bodies.FIRST_CHUNK * 3 + 17];
        Arrays.fill(part, (byte) 7);
        byte[] read = Bodies.read(new ByteArrayInputStream(part), 10L * Bodies.FIRST_CHUNK, Integer.MAX_VALUE - 8);
        assertThat(read).hasSize(part.length);
        assertThat(Arrays.equals(read, part)).isTrue();
    }

    @Test
    void aLargeBodyIsReadWholeAcrossManyReads() throws IOException {
        byte[] large = new byte[300_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) i;
        }
        // A stream that hands out at most a thousand bytes per read, as a socket does.
        InputStream source = new ByteArrayInputStream(large);
        InputStream trickle = new InputStream() {
            @Override
            public int read() throws IOException {
                return source.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return source.read(b, off, Math.min(len, 1000));
            }
        };
        byte[] read = Bodies.read(trickle, large.length, large.length + 1);
        assertThat(Arrays.equals(read, large)).as("the body read back whole, %d bytes", read.length).isTrue();
    }
}
