package io.trackctl.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A request body read into memory whole. {@link InputStream#readNBytes(int)} reads into buffers of
 * 16 KiB and copies the result out, so a push of a kilobyte or two cost some 17 KiB of garbage, most
 * of what a webhook request allocated; a body whose length the request declares is read straight
 * into an array of that length instead.
 */
public final class Bodies {

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
        if (declared >= 0 && declared < budget) {
            byte[] body = new byte[(int) declared];
            int n = in.readNBytes(body, 0, body.length);
            return n == body.length ? body : Arrays.copyOf(body, n);
        }
        return in.readNBytes(budget);
    }
}
