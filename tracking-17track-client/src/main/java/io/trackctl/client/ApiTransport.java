package io.trackctl.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackctl.client.SeventeenTrackException.Kind;
import io.trackctl.core.port.RateLimiter;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * One HTTP call to 17TRACK: a rate-limit permit, the POST with {@code 17token}, and the mapping of
 * every way it can fail (transport, HTTP status, envelope {@code code}) to a
 * {@link SeventeenTrackException} of the right kind.
 */
final class ApiTransport {

    private static final System.Logger LOG = System.getLogger(SeventeenTrackClient.class.getName());

    private final HttpClient http;
    private final SeventeenTrackConfig config;
    private final RateLimiter limiter;

    ApiTransport(HttpClient http, SeventeenTrackConfig config, RateLimiter limiter) {
        this.http = http;
        this.config = config;
        this.limiter = limiter;
    }

    /** One HTTP call; returns the whole answer when its {@code code} is 0. */
    JsonNode call(String endpoint, Object body) {
        try {
            limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeventeenTrackException(Kind.INTERRUPTED, 0, 0, "interrupted waiting for a request permit", e);
        }
        HttpRequest request = HttpRequest.newBuilder(config.baseUrl().resolve(endpoint))
                .timeout(config.requestTimeout())
                .header("17token", config.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(WireJson.write(body)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new SeventeenTrackException(Kind.CONNECTION, 0, 0, where(endpoint) + "could not connect", e);
        } catch (HttpTimeoutException e) {
            throw new SeventeenTrackException(Kind.TIMEOUT, 0, 0,
                    where(endpoint) + "no answer within " + config.requestTimeout(), e);
        } catch (IOException e) {
            throw new SeventeenTrackException(Kind.CONNECTION, 0, 0, where(endpoint) + "connection failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeventeenTrackException(Kind.INTERRUPTED, 0, 0, where(endpoint) + "interrupted", e);
        }
        int status = response.statusCode();
        LOG.log(System.Logger.Level.DEBUG, "17TRACK /{0} answered HTTP {1}", endpoint, status);
        JsonNode root = null;
        try {
            root = WireJson.read(response.body());
        } catch (IOException e) {
            if (status == 200) {
                throw new SeventeenTrackException(Kind.MALFORMED_RESPONSE, status, 0,
                        where(endpoint) + "answer is not JSON", e);
            }
        }
        int code = root != null && root.isObject() ? root.path("code").asInt(0) : 0;
        String detail = root == null ? "" : serverMessage(root);
        if (status == 429 || code == 429) {
            throw new SeventeenTrackException(Kind.RATE_LIMITED, status, code, where(endpoint) + "rate limited" + detail,
                    null);
        }
        if (status == 401 || status == 403 || ApiError.of(code).isAuthFailure()) {
            throw new SeventeenTrackException(Kind.AUTH, status, code,
                    where(endpoint) + "refused the credentials (HTTP " + status + ", code " + code + ")" + detail, null);
        }
        if (status >= 500 || code == ApiError.INTERNAL_ERROR.code()) {
            throw new SeventeenTrackException(Kind.SERVER_ERROR, status, code,
                    where(endpoint) + "server error (HTTP " + status + ", code " + code + ")" + detail, null);
        }
        if (status != 200) {
            throw new SeventeenTrackException(Kind.REQUEST_REJECTED, status, code,
                    where(endpoint) + "unexpected HTTP " + status + detail, null);
        }
        if (root == null || !root.isObject() || !root.has("code")) {
            throw new SeventeenTrackException(Kind.MALFORMED_RESPONSE, status, 0,
                    where(endpoint) + "answer has no 'code'", null);
        }
        if (code != 0) {
            throw new SeventeenTrackException(Kind.REQUEST_REJECTED, status, code,
                    where(endpoint) + "refused with code " + code + " (" + ApiError.of(code).meaning() + ")" + detail,
                    null);
        }
        return root;
    }

    private String serverMessage(JsonNode root) {
        JsonNode first = root.path("data").path("errors").path(0);
        String message = first.path("message").asText("");
        if (message.isBlank()) {
            return "";
        }
        return ": " + message.replace(config.apiKey(), "****");
    }

    private static String where(String endpoint) {
        return "17TRACK /" + endpoint + ": ";
    }

}
