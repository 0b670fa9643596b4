package io.trackctl.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackctl.server.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends one request to a server on localhost and reads the envelope. */
final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    private ApiClient(int port) {
        this.port = port;
    }

    static ApiClient of(TrackctlServer server) {
        return new ApiClient(server.port());
    }

    TestServer.Answer get(String path, String token) {
        return send(HTTP, port, "GET", path, token, null, null);
    }

    TestServer.Answer post(String path, String token, Object body) {
        return send(HTTP, port, "POST", path, token, "application/json", Json.bytes(body));
    }

    static TestServer.Answer send(HttpClient http, int port, String method, String path, String token,
                                  String contentType, byte[] body) {
        return send(http, port, method, path, token, contentType, body, new String[0]);
    }

    /** {@code headers} are name, value pairs. */
    static TestServer.Answer send(HttpClient http, int port, String method, String path, String token,
                                  String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                json = Json.MAPPER.readTree(r.body());
            }
            return new TestServer.Answer(r.statusCode(), r.headers(), r.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
