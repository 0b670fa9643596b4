package io.trackctl.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Mounts the API's resources on a Helidon routing, with the one error mapping, request metrics,
 * and a last route that answers unknown paths with 404 and known paths with the wrong method
 * with 405, both in the envelope.
 */
public final class ApiRouting {

    public static final String PREFIX = "/api/v1";
    /** Where the observe feature (Prometheus metrics) is mounted. */
    public static final String OBSERVE = "/observe";

    private ApiRouting() {
    }

    /** Registers every service and returns the endpoints they declared. */
    public static List<Endpoint> configure(HttpRouting.Builder routing, List<ApiService> services,
                                           RouteContext context, RequestMetrics metrics) {
        List<Endpoint> endpoints = Collections.synchronizedList(new ArrayList<>());
        if (metrics != null) {
            routing.addFilter(metrics);
        }
        for (ApiService service : services) {
            String base = PREFIX + service.path();
            HttpService http = rules -> service.routes(new Routes(rules, base, context, endpoints::add));
            routing.register(base, http);
        }
        List<Endpoint> frozen = Collections.unmodifiableList(endpoints);
        routing.any(fallback(frozen));
        routing.error(Exception.class, ErrorMapper::handle);
        return frozen;
    }

    /** The endpoints the services declare, without registering anything (for documents and tests). */
    public static List<Endpoint> endpoints(List<ApiService> services) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (ApiService service : services) {
            service.routes(new Routes(null, PREFIX + service.path(), null, endpoints::add));
        }
        return List.copyOf(endpoints);
    }

    private static Handler fallback(List<Endpoint> endpoints) {
        return (req, res) -> {
            String path = req.path().path();
            if (path.equals(OBSERVE) || path.startsWith(OBSERVE + "/")) {
                // The observe feature (metrics) mounts its routes after the application's.
                res.next();
                return;
            }
            List<String> allowed;
            synchronized (endpoints) {
                allowed = endpoints.stream().filter(e -> e.matches(path)).map(Endpoint::method).distinct().toList();
            }
            if (!allowed.isEmpty()) {
                String allow = allowed.stream().collect(Collectors.joining(", "));
                res.header(HeaderNames.ALLOW, allow);
                ErrorMapper.send(res, ErrorMapper.map(new ApiException(ErrorCode.METHOD_NOT_ALLOWED,
                        "method " + req.prologue().method().text() + " is not allowed here; allowed: " + allow)));
                return;
            }
            throw new ApiException(ErrorCode.NOT_FOUND, "no such route: " + clip(path));
        };
    }

    private static String clip(String path) {
        return path.length() > 200 ? path.substring(0, 200) + "..." : path;
    }
}
