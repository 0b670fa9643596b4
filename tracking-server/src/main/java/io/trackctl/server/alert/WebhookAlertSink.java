package io.trackctl.server.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trackctl.core.model.Alert;
import io.trackctl.core.port.AlertSink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts each alert as JSON to an operator's URL ({@code {id, kind, message, jobId, createdAt}}).
 * A failed post is reported to the caller, which logs it; the alert row stays either way.
 */
public final class WebhookAlertSink implements AlertSink {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI url;
    private final Duration timeout;

    public WebhookAlertSink(HttpClient http, URI url, Duration timeout) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("the alert webhook URL must be http or https");
        }
        this.http = http;
        this.url = url;
        this.timeout = timeout;
    }

    @Override
    public void publish(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", alert.id());
        body.put("kind", alert.kind());
        body.put("message", alert.message());
        body.put("jobId", alert.jobId());
        body.put("createdAt", alert.createdAt() == null ? null : alert.createdAt().toString());
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("alert webhook answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("alert webhook unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting an alert", e);
        }
    }
}
