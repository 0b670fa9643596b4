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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts requests and times them per route template (not per concrete path, so ids do not make
 * new series), method and status. Exposed in Prometheus format by the observe feature.
 *
 * <p>The meters of each series are looked up in the registry once and then kept here: the
 * registry's lookup builds tags and walks its maps, a cost every request paid. Methods other than
 * the standard ones are counted as {@code OTHER}, so made-up methods cannot add series.
 */
public final class RequestMetrics implements Filter {

    static final String REQUESTS = "trackctl_http_requests";
    static final String DURATION = "trackctl_http_request_duration";
    static final String OTHER_METHOD = "OTHER";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry registry;
    private final ConcurrentMap<Series, Meters> meters = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private record Series(String method, String route, int status) {
    }

    private record Meters(Counter requests, Timer duration) {
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        String text = req.prologue().method().text();
        String method = METHODS.contains(text) ? text : OTHER_METHOD;
        res.whenSent(() -> {
            String route = req.context().get(Routes.ENDPOINT_KEY, Endpoint.class)
                    .map(Endpoint::path)
                    .orElse(req.path().path().startsWith(ApiRouting.PREFIX) ? "unmatched" : "other");
            Meters m = meters.computeIfAbsent(new Series(method, route, res.status().code()), this::register);
            m.requests().increment();
            m.duration().record(Duration.ofNanos(System.nanoTime() - start));
        });
        chain.proceed();
    }

    private Meters register(Series s) {
        List<Tag> tags = List.of(Tag.create("method", s.method()), Tag.create("route", s.route()),
                Tag.create("status", Integer.toString(s.status())));
        return new Meters(registry.getOrCreate(Counter.builder(REQUESTS).tags(tags)),
                registry.getOrCreate(Timer.builder(DURATION).tags(tags)));
    }
}
