package io.trackctl.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trackctl.server.http.ApiRouting;
import io.trackctl.server.http.Endpoint;
import io.trackctl.server.resource.OpenApiResource;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document and the registered routes list the same paths and methods. */
class OpenApiRoutesTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    @Test
    void documentAndRoutesListTheSamePathsAndMethods() throws Exception {
        Set<String> routed = routes();
        Set<String> documented = documented();
        assertThat(documented).as("documented but not routed").isSubsetOf(routed);
        assertThat(routed).as("routed but not documented").isSubsetOf(documented);
    }

    @Test
    void theRunningServerRegistersExactlyTheListedRoutes() {
        try (TestServer server = TestServer.sqlite()) {
            Set<String> running = server.server().endpoints().stream().map(OpenApiRoutesTest::key)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(running).isEqualTo(routes());
        }
    }

    @Test
    void publicRoutesAreExactlyTheProbesTheDocumentAndTheSignedWebhook() {
        Set<String> open = ApiRouting.endpoints(TrackctlApi.services(noComponents())).stream()
                .filter(e -> e.access() == Endpoint.Access.PUBLIC).map(OpenApiRoutesTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(open).containsExactlyInAnyOrder("GET /api/v1/health/live", "GET /api/v1/health/ready",
                "GET /api/v1/openapi.yaml", "POST /api/v1/webhook/17track");
    }

    private static Set<String> routes() {
        return ApiRouting.endpoints(TrackctlApi.services(noComponents())).stream().map(OpenApiRoutesTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documented() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            Map<String, Object> doc = new Yaml().load(in);
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
            Set<String> out = new TreeSet<>();
            paths.forEach((path, ops) -> ops.keySet().stream().filter(METHODS::contains)
                    .forEach(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + ApiRouting.PREFIX + path)));
            return out;
        }
    }

    private static String key(Endpoint e) {
        return e.method() + " " + e.path();
    }

    private static TrackctlApi.Components noComponents() {
        return new TrackctlApi.Components(null, null, null, null, null, null, null, null);
    }
}
