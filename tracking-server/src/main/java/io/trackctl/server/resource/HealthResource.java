package io.trackctl.server.resource;

import io.helidon.http.Method;
import io.helidon.webserver.http.ServerResponse;
import io.trackctl.server.health.HealthReport;
import io.trackctl.server.health.HealthStatus;
import io.trackctl.server.http.ApiException;
import io.trackctl.server.http.ApiRequest;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.Endpoint;
import io.trackctl.server.http.Envelope;
import io.trackctl.server.http.ErrorCode;
import io.trackctl.server.http.Json;
import io.trackctl.server.http.Routes;
import java.util.Map;

/**
 * {@code /health}: the detailed report (token), and the liveness and readiness probes (no token,
 * and they say nothing but UP or DOWN).
 */
public final class HealthResource implements ApiService {

    private final HealthReport health;

    public HealthResource(HealthReport health) {
        this.health = health;
    }

    @Override
    public String path() {
        return "/health";
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/", this::report)
                .publicGet("/live", this::live)
                .raw(Method.GET, "/ready", Endpoint.Access.PUBLIC, (req, res) -> ready(res));
    }

    private Object report(ApiRequest req) {
        HealthReport.Report report = health.check();
        if (report.status() == HealthStatus.DOWN) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "DOWN", report);
        }
        return report;
    }

    private Object live(ApiRequest req) {
        return Map.of("status", HealthStatus.UP);
    }

    private void ready(ServerResponse res) {
        if (health.ready()) {
            Json.send(res, 200, Envelope.ok(Map.of("status", HealthStatus.UP)));
        } else {
            Json.send(res, ErrorCode.UNAVAILABLE.status(),
                    Envelope.error(ErrorCode.UNAVAILABLE, "DOWN", Map.of("status", HealthStatus.DOWN)));
        }
    }
}
