package io.trackctl.server.resource;

import io.helidon.http.Method;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.Endpoint;
import io.trackctl.server.http.Envelope;
import io.trackctl.server.http.Json;
import io.trackctl.server.http.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code POST /benchmark/noop}: reads the body and answers {@code 200 {"code":0}}, nothing else. The
 * limit the webhook's throughput is measured against (same server, same HTTP stack, same body
 * size). Mounted only when {@value #ENV} is {@code true}, and never listed in the OpenAPI document.
 */
public final class BenchmarkNoopResource implements ApiService {

    /** The environment variable that mounts this route. */
    public static final String ENV = "TRACKCTL_BENCHMARK_NOOP";

    /** Whether the process was started with {@value #ENV}{@code =true}. */
    public static boolean enabledByEnvironment() {
        return "true".equalsIgnoreCase(System.getenv(ENV));
    }

    @Override
    public String path() {
        return "/benchmark";
    }

    @Override
    public void routes(Routes routes) {
        routes.raw(Method.POST, "/noop", Endpoint.Access.PUBLIC, (req, res) -> {
            drain(req.content().inputStream());
            Json.send(res, 200, Envelope.ok(null));
        });
    }

    private static void drain(InputStream in) throws IOException {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
