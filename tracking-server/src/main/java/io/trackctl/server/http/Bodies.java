package io.trackctl.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A request body read into memory whole. {@link InputStream#readNBytes(int)} reads into buffers of
 * 16 KiB and copies the result out, so a push of a kilobyte or two cost some 17 KiB of garbage, most
 * of what a webhook request allocated; a body whose length the request declares is read straight
 * into an array of that length instead. Only the first {@value #FIRST_CHUNK} bytes of it are
 * allocated before any arrive: a client that declares a large body and then stalls holds no more
 * than that until it sends.
 */
public final class Bodies {

    /** The most allocated for a declared body before its bytes arrive; it grows by doubling as they do. */
    static final int FIRST_CHUNK = 64 * 1024;

    private Bodies() {
    }

    /**
     * Reads at most {@code budget} bytes of the body. A body declared shorter than the budget is
     * read into an array of its declared length (shorter only if the stream ends early); any other
     * is read up to the budget, so that a caller tells a body longer than it takes by its length.
     *
     * @param declared the request's {@code Content-Length}, or -1 when it declares none
     */
    public static byte[] read(InputStream in, long declared, int budget) throws IOException {
        if (declared < 0 || declared >= budget) {
            return in.readNBytes(budget);
        }
        int length = (int) declared;
        byte[] body = new byte[Math.min(length, FIRST_CHUNK)];
        int filled = 0;
        while (true) {
            filled += in.readNBytes(body, filled, body.length - filled);
            if (filled < body.length) {
                return Arrays.copyOf(body, filled); // the stream ended before the declared length
            }
            if (filled == length) {
                return body;
            }
            body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
        }
    }
}
