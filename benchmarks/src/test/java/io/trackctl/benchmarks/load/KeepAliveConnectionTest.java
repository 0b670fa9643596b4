package io.trackctl.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver's client against a real socket that answers with canned HTTP/1.1 responses. */
class KeepAliveConnectionTest {

    private ServerSocket server;
    private Thread acceptor;
    /** Raw answers, one per request, in order; a request with none left gets the connection closed. */
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> connections = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().start(() -> {
            int n = 0;
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.add(++n);
                    serve(s);
                } catch (IOException e) {
                    // the test closed the server, or a client went away
                }
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        acceptor.join(5000);
    }

    private void serve(Socket s) throws IOException {
        InputStream in = new BufferedInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (true) {
            String head = head(in);
            if (head == null) {
                return;
            }
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            requests.add(head + "\r\n\r\n" + new String(in.readNBytes(length), StandardCharsets.UTF_8));
            String answer = answers.poll();
            if (answer == null) {
                return;
            }
            out.write(answer.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (answer.contains("Connection: close")) {
                return;
            }
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            String s = b.toString(StandardCharsets.US_ASCII);
            if (s.endsWith("\r\n\r\n")) {
                return s.substring(0, s.length() - 4);
            }
        }
        return null;
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/v1/webhook/17track");
    }

    @Test
    void postsTheBodyWithItsSignatureAndReadsAnswersFramedEitherWayOnOneConnection() throws IOException {
        answers.add("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"code\":0}");
        answers.add("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\n{\"co\r\n6\r\nde\":0}\r\n0\r\nX-Trailer: t\r\n\r\n");
        answers.add("HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n");

        try (KeepAliveConnection c = new KeepAliveConnection(url())) {
            assertThat(c.post("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "abc123")).isEqualTo(200);
            assertThat(c.post("{}".getBytes(StandardCharsets.UTF_8), "def")).isEqualTo(202);
            assertThat(c.post("{}".getBytes(StandardCharsets.UTF_8), "ghi")).isEqualTo(400);
        }

        assertThat(connections).containsExactly(1);
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0)).startsWith("POST /api/v1/webhook/17track HTTP/1.1\r\n")
                .contains("\r\nsign: abc123\r\n", "\r\nContent-Length: 7\r\n", "\r\nContent-Type: application/json\r\n")
                .endsWith("\r\n\r\n{\"a\":1}");
    }

    @Test
    void anAnswerThatClosesTheConnectionMakesTheNextPostOpenANewOne() throws IOException {
        answers.add("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive, close\r\n\r\nok");
        answers.add("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        try (KeepAliveConnection c = new KeepAliveConnection(url())) {
            assertThat(c.post(new byte[0], "s")).isEqualTo(200);
            assertThat(c.post(new byte[0], "s")).isEqualTo(200);
        }

        assertThat(connections).containsExactly(1, 2);
    }

    @Test
    void aMalformedOrMissingAnswerIsAFailedExchangeAndTheConnectionIsOpenedAgain() throws IOException {
        answers.add("HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\n");
        answers.add("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

        try (KeepAliveConnection c = new KeepAliveConnection(url())) {
            assertThatThrownBy(() -> c.post(new byte[0], "s")).isInstanceOf(IOException.class)
                    .hasMessageContaining("malformed answer");
            assertThat(c.post(new byte[0], "s")).isEqualTo(200);
            // No answer left: the server closes the connection without one.
            assertThatThrownBy(() -> c.post(new byte[0], "s")).isInstanceOf(IOException.class);
        }

        assertThat(connections).containsExactly(1, 2);
    }
}
