package io.trackctl.server.resource;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.Endpoint;
import io.trackctl.server.http.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.yaml}: the OpenAPI 3 document of every route, without a token. */
public final class OpenApiResource implements ApiService {

    /** Where the document lives on the class path. */
    public static final String DOCUMENT = "/io/trackctl/server/openapi.yaml";

    private final byte[] document = load();

    @Override
    public String path() {
        return "";
    }

    @Override
    public void routes(Routes routes) {
        routes.raw(Method.GET, "/openapi.yaml", Endpoint.Access.PUBLIC, (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "application/yaml; charset=UTF-8");
            res.send(document);
        });
    }

    private static byte[] load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DOCUMENT);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
