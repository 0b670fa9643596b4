package io.trackctl.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Streams the parts of a {@code multipart/form-data} body (RFC 7578 / RFC 2046) in constant
 * memory: each part's content is handed out as an {@link InputStream} that ends at the next
 * delimiter, so a file part can be copied to disk without being held. The CRLF before a delimiter
 * belongs to the delimiter, so a file that does not end with a line break arrives unchanged.
 * Header lines may end in CRLF or a bare LF; the preamble and epilogue are ignored.
 */
public final class MultipartReader {

    /** One part's headers: its form field name, the file name when it is a file, its content type. */
    public record PartHeaders(String name, String fileName, String contentType) {
    }

    /** A malformed body; the message is safe to show the client. */
    public static final class MalformedException extends IOException {
        public MalformedException(String message) {
            super(message);
        }
    }

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    private boolean started;
    private boolean finished;
    private PartStream current;

    private MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[Math.max(BUFFER, delimiter.length * 4)];
        // A body may start with its first delimiter without the CRLF in front: supply it.
        buf[0] = '\r';
        buf[1] = '\n';
        this.lim = 2;
    }

    /**
     * A reader over {@code in} with the boundary of the {@code Content-Type} parameter.
     *
     * @throws MalformedException when the boundary is missing or not a valid one
     */
    public static MultipartReader open(InputStream in, String boundary) throws MalformedException {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw new MalformedException("the multipart Content-Type needs a boundary of 1 to 70 characters");
        }
        for (char c : boundary.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                throw new MalformedException("the multipart boundary must be printable ASCII");
            }
        }
        return new MultipartReader(in, boundary);
    }

    /**
     * Moves to the next part (skipping what is left of the current one); null after the closing
     * delimiter.
     */
    public PartHeaders next() throws IOException {
        if (finished) {
            return null;
        }
        if (!started) {
            skipToDelimiter();
            started = true;
        } else {
            current.drain();
        }
        if (!afterDelimiter()) {
            finished = true;
            return null;
        }
        PartHeaders headers = readHeaders();
        current = new PartStream();
        return headers;
    }

    /** The content of the current part; ends at its closing delimiter. */
    public InputStream content() {
        if (current == null) {
            throw new IllegalStateException("call next() first");
        }
        return current;
    }

    private void skipToDelimiter() throws IOException {
        PartStream preamble = new PartStream();
        preamble.drain();
    }

    /** After a delimiter: "--" closes the body, otherwise optional padding and a line break. */
    private boolean afterDelimiter() throws IOException {
        if (!ensure(2)) {
            throw new MalformedException("the multipart body ends right after a boundary");
        }
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            pos += 2;
            return false;
        }
        while (true) {
            if (!ensure(1)) {
                throw new MalformedException("the multipart body ends inside a boundary line");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r') {
                throw new MalformedException("unexpected text after a multipart boundary");
            }
        }
    }

    private PartHeaders readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String line = readLine();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new MalformedException("the headers of a multipart part are too long");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedException("a multipart part has a malformed header line");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        String disposition = headers.get("content-disposition");
        if (disposition == null) {
            throw new MalformedException("a multipart part has no Content-Disposition header");
        }
        Map<String, String> params = HeaderParameters.parse(disposition);
        return new PartHeaders(params.get("name"), params.get("filename"), headers.get("content-type"));
    }

    private String readLine() throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            if (!ensure(1)) {
                throw new MalformedException("the multipart body ends inside the headers of a part");
            }
            byte c = buf[pos++];
            if (c == '\n') {
                int len = b.length();
                if (len > 0 && b.charAt(len - 1) == '\r') {
                    b.setLength(len - 1);
                }
                return new String(b.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            b.append((char) (c & 0xff));
            if (b.length() > MAX_HEADER_BYTES) {
                throw new MalformedException("the headers of a multipart part are too long");
            }
        }
    }

    /** Makes at least {@code n} bytes available from {@code pos}; false when the stream ends first. */
    private boolean ensure(int n) throws IOException {
        while (lim - pos < n) {
            if (eof) {
                return false;
            }
            fill();
        }
        return true;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        int r = in.read(buf, lim, buf.length - lim);
        if (r < 0) {
            eof = true;
        } else {
            lim += r;
        }
    }

    private int indexOfDelimiter() {
        int last = lim - delimiter.length;
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != delimiter[0]) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The bytes of one part, up to (not including) the next delimiter, which it consumes. */
    private final class PartStream extends InputStream {

        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] out, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                if (lim - pos < delimiter.length && !eof) {
                    fill();
                    continue;
                }
                int at = indexOfDelimiter();
                if (at == pos) {
                    pos += delimiter.length;
                    done = true;
                    return -1;
                }
                int safe;
                if (at >= 0) {
                    safe = at - pos;
                } else if (eof) {
                    throw new MalformedException("the multipart body ends before its closing boundary");
                } else {
                    safe = lim - pos - (delimiter.length - 1);
                    if (safe <= 0) {
                        fill();
                        continue;
                    }
                }
                int n = Math.min(len, safe);
                System.arraycopy(buf, pos, out, off, n);
                pos += n;
                return n;
            }
        }

        void drain() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // discard the rest of the part
            }
        }
    }
}
