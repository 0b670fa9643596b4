package io.trackctl.server.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.trackctl.core.service.Caller;
import java.util.function.Consumer;

/**
 * What a resource uses to declare its routes. Each declaration is recorded as an {@link Endpoint}
 * (the list the OpenAPI test and the 405 answer use) and registered with Helidon wrapped so that
 * the caller is authenticated first and the handler's result is sent in the envelope.
 */
public final class Routes {

    /** A handler: returns the {@code data} of a 200 envelope, or a {@link Reply}. */
    @FunctionalInterface
    public interface ApiHandler {
        Object handle(ApiRequest request) throws Exception;
    }

    /** The key under which the matched endpoint is put in the request context. */
    public static final String ENDPOINT_KEY = "io.trackctl.endpoint";

    private final HttpRules rules;
    private final String base;
    private final RouteContext context;
    private final Consumer<Endpoint> recorder;

    Routes(HttpRules rules, String base, RouteContext context, Consumer<Endpoint> recorder) {
        this.rules = rules;
        this.base = base;
        this.context = context;
        this.recorder = recorder;
    }

    public Routes get(String path, ApiHandler handler) {
        return api(Method.GET, path, Endpoint.Access.TOKEN, handler);
    }

    public Routes post(String path, ApiHandler handler) {
        return api(Method.POST, path, Endpoint.Access.TOKEN, handler);
    }

    public Routes put(String path, ApiHandler handler) {
        return api(Method.PUT, path, Endpoint.Access.TOKEN, handler);
    }

    public Routes delete(String path, ApiHandler handler) {
        return api(Method.DELETE, path, Endpoint.Access.TOKEN, handler);
    }

    /** A route answered in the envelope without a token (probes, the OpenAPI document). */
    public Routes publicGet(String path, ApiHandler handler) {
        return api(Method.GET, path, Endpoint.Access.PUBLIC, handler);
    }

    /** A POST answered in the envelope without a token (for a caller authenticated otherwise, such as a signed webhook). */
    public Routes publicPost(String path, ApiHandler handler) {
        return api(Method.POST, path, Endpoint.Access.PUBLIC, handler);
    }

    /**
     * A route with a plain Helidon handler (for example a webhook that answers on its own terms);
     * failures it throws still go through the one error mapping. On a {@code TOKEN} route the
     * authenticated caller is available through {@link #caller(ServerRequest)}.
     */
    public Routes raw(Method method, String path, Endpoint.Access access, Handler handler) {
        Endpoint endpoint = record(method, path, access);
        if (rules != null) {
            rules.route(method, path, (req, res) -> {
                req.context().register(ENDPOINT_KEY, endpoint);
                if (access == Endpoint.Access.TOKEN) {
                    req.context().register(context.authenticator().authenticate(req));
                }
                handler.handle(req, res);
            });
        }
        return this;
    }

    /** The caller a {@code TOKEN} route authenticated, for plain handlers registered with {@link #raw}. */
    public static Caller caller(ServerRequest request) {
        return request.context().get(Caller.class)
                .orElseThrow(() -> new IllegalStateException("no authenticated caller on this route"));
    }

    private Routes api(Method method, String path, Endpoint.Access access, ApiHandler handler) {
        Endpoint endpoint = record(method, path, access);
        if (rules != null) {
            rules.route(method, path, (req, res) -> {
                req.context().register(ENDPOINT_KEY, endpoint);
                Caller caller = access == Endpoint.Access.TOKEN ? context.authenticator().authenticate(req) : null;
                Object result = handler.handle(new ApiRequest(req, caller, context.maxBodyBytes()));
                if (result instanceof Reply reply) {
                    Json.send(res, reply.status(), Envelope.ok(reply.data()));
                } else {
                    Json.send(res, 200, Envelope.ok(result));
                }
            });
        }
        return this;
    }

    private Endpoint record(Method method, String path, Endpoint.Access access) {
        String full = "/".equals(path) ? base : base + path;
        Endpoint endpoint = new Endpoint(method.text(), full, access);
        recorder.accept(endpoint);
        return endpoint;
    }
}
