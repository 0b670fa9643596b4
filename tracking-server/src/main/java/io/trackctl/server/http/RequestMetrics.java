package io.trackctl.server.http;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Duration;
import java.util.List;

/**
 * Counts requests and times them per route template (not per concrete path, so ids do not make
 * new series), method and status. Exposed in Prometheus format by the observe feature.
 */
public final class RequestMetrics implements Filter {

    static final String REQUESTS = "trackctl_http_requests";
    static final String DURATION = "trackctl_http_request_duration";

    private final MeterRegistry registry;

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String method = req.prologue().method().text();
        res.whenSent(() -> {
            String route = req.context().get(Routes.ENDPOINT_KEY, Endpoint.class)
                    .map(Endpoint::path)
                    .orElse(req.path().path().startsWith(ApiRouting.PREFIX) ? "unmatched" : "other");
            List<Tag> tags = List.of(Tag.create("method", method), Tag.create("route", route),
                    Tag.create("status", Integer.toString(res.status().code())));
            registry.getOrCreate(Counter.builder(REQUESTS).tags(tags)).increment();
            registry.getOrCreate(Timer.builder(DURATION).tags(tags))
                    .record(Duration.ofNanos(System.nanoTime() - start));
        });
        chain.proceed();
    }
}
