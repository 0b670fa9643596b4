package io.trackctl.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that posts a body and reads the status, as lean as a load
 * driver's client should be: the request goes out in one write, the answer is read straight off the
 * socket, and nothing is handed between threads. On a 2-core machine that shares its cores with
 * the server under test, {@code java.net.http.HttpClient}'s selector thread and executor hand-offs
 * took processor time from the server and added their own queueing to every latency measured.
 *
 * <p>Reads answers framed by {@code Content-Length} or chunked. After an error, or an answer that
 * closes the connection, the next post opens a new one; a post on a connection the server has
 * closed in the meantime fails (POST is not retried). Not thread-safe: one per load thread.
 */
final class KeepAliveConnection implements Closeable {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final InetSocketAddress address;
    private final byte[] head;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /** @param url the target; its path and query are what every request posts to */
    KeepAliveConnection(URI url) {
        this.address = new InetSocketAddress(url.getHost(), url.getPort() < 0 ? 80 : url.getPort());
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        this.head = ("POST " + target + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + address.getPort()
                + "\r\nContent-Type: application/json\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Posts {@code body} with a {@code sign} header and returns the answer's status code; the
     * answer's body is read and dropped.
     *
     * @throws IOException when the exchange fails; the connection is closed and the next post
     *                     opens a new one
     */
    int post(byte[] body, String signature) throws IOException {
        try {
            if (socket == null) {
                open();
            }
            byte[] headers = ("sign: " + signature + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + headers.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(headers, 0, request, head.length, headers.length);
            System.arraycopy(body, 0, request, head.length + headers.length, body.length);
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (NumberFormatException e) {
            close();
            throw new IOException("malformed answer: " + e.getMessage(), e);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(TIMEOUT_MILLIS);
            s.connect(address, TIMEOUT_MILLIS);
            out = s.getOutputStream();
            in = new BufferedInputStream(s.getInputStream(), 8192);
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private int readAnswer() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed header: " + header);
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = hasToken(value, "chunked");
                case "connection" -> close = hasToken(value, "close");
                default -> {
                }
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(length);
        } else if (length < 0) {
            close = true; // framed by the connection's end; not expected from this server
        }
        if (close) {
            close();
        }
        return code;
    }

    /** The size line of the next chunk, without its extensions. */
    private long chunkSize() throws IOException {
        String size = line();
        int semicolon = size.indexOf(';');
        return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
    }

    private static boolean hasToken(String headerValue, String token) {
        for (String part : headerValue.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) b);
        }
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the server closed the connection mid-body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a broken connection; the next post opens a new one
            }
        }
    }
}
