package io.trackctl.server.resource;

import io.helidon.http.Method;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.Bodies;
import io.trackctl.server.http.Endpoint;
import io.trackctl.server.http.Routes;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code POST /benchmark/noop}: reads the body and answers {@code 200 {"code":0,"message":"ok"}},
 * nothing else. The limit the webhook's throughput is measured against: same server, same HTTP
 * stack, same body size, the body read and the answer written as the webhook reads and writes
 * them. Mounted only when {@value #ENV} is {@code true}, and never listed in the OpenAPI document.
 */
public final class BenchmarkNoopResource implements ApiService {

    /** The environment variable that mounts this route. */
    public static final String ENV = "TRACKCTL_BENCHMARK_NOOP";

    /** The most of a body kept in memory; the rest of a longer one is read and dropped. */
    private static final int MAX_BODY = 16 << 20;

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
            // Read into memory as the webhook reads a push, so that both routes pay the same for the body.
            try (InputStream in = req.content().inputStream()) {
                byte[] body = Bodies.read(in, req.headers().contentLength().orElse(-1L), MAX_BODY);
                if (body.length == MAX_BODY) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            WebhookResource.ok(res);
        });
    }
}
