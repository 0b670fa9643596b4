package io.trackctl.server;

import io.helidon.webserver.http.HttpRouting;
import io.trackctl.core.crypto.SecretBox;
import io.trackctl.core.service.CarrierService;
import io.trackctl.core.service.OrderService;
import io.trackctl.core.service.ShopService;
import io.trackctl.core.service.TrackingService;
import io.trackctl.server.health.HealthReport;
import io.trackctl.server.http.ApiRouting;
import io.trackctl.server.http.ApiService;
import io.trackctl.server.http.Endpoint;
import io.trackctl.server.http.RequestMetrics;
import io.trackctl.server.http.RouteContext;
import io.trackctl.server.resource.BenchmarkNoopResource;
import io.trackctl.server.resource.CarriersResource;
import io.trackctl.server.resource.HealthResource;
import io.trackctl.server.resource.ImportsResource;
import io.trackctl.server.resource.OpenApiResource;
import io.trackctl.server.resource.OrdersResource;
import io.trackctl.server.resource.ShopsResource;
import io.trackctl.server.resource.SyncResource;
import io.trackctl.server.resource.TrackingResource;
import io.trackctl.server.resource.WebhookResource;
import java.util.List;

/**
 * The one place where the resources of {@code /api/v1} are listed and mounted. A new resource is
 * one more line in {@link #services(Components)}; the server and the tests both route through here.
 */
public final class TrackctlApi {

    /**
     * What the resources are built from: the use cases, and for resources that need more (the
     * webhook, imports, sync) the backend with every storage port and the settings.
     */
    public record Components(ShopService shops, CarrierService carriers, OrderService orders,
                             TrackingService tracking, HealthReport health, Backend backend,
                             ServerSettings settings, Engine engine) {

        /** Wires the use cases on a backend and the engine's queue, ingest, imports and sync. */
        public static Components on(Backend backend, ServerSettings settings, SecretBox box, Engine engine,
                                    HealthReport health) {
            return new Components(new ShopService(backend.shops(), box), new CarrierService(backend.carriers()),
                    new OrderService(backend.orders()),
                    new TrackingService(backend.tracking(), backend.shops(), backend.carriers(), backend.orders(),
                            backend.events(), engine.registration()),
                    health, backend, settings, engine);
        }
    }

    private TrackctlApi() {
    }

    /** Every resource of the API. */
    public static List<ApiService> services(Components c) {
        List<ApiService> services = new java.util.ArrayList<>(List.of(
                new ShopsResource(c.shops()),
                new CarriersResource(c.carriers()),
                new OrdersResource(c.orders()),
                new TrackingResource(c.tracking(), c.engine() == null ? null : c.engine().imports(),
                        c.settings() == null ? 1 : Math.max(c.settings().maxBodyBytes(), c.settings().maxUploadBytes())),
                new ImportsResource(c.engine() == null ? null : c.engine().imports(),
                        c.settings() == null ? null : c.settings().uploadDir(),
                        c.settings() == null ? 1 : c.settings().maxUploadBytes()),
                new SyncResource(c.engine() == null ? null : c.engine().sync(),
                        c.engine() == null ? null : c.engine().queue()),
                new HealthResource(c.health()),
                new WebhookResource(c.engine() == null ? null : c.engine().ingest(), java.time.Clock.systemUTC(),
                        c.settings() == null ? EngineSettings.DEFAULT_WEBHOOK_MAX_BYTES
                                : c.settings().engine().webhookMaxBytes()),
                new OpenApiResource()));
        if (BenchmarkNoopResource.enabledByEnvironment()) {
            services.add(new BenchmarkNoopResource());
        }
        return List.copyOf(services);
    }

    /** Mounts every resource on {@code routing}; returns the registered endpoints. */
    public static List<Endpoint> route(HttpRouting.Builder routing, Components components, RouteContext context,
                                       RequestMetrics metrics) {
        return ApiRouting.configure(routing, services(components), context, metrics);
    }
}
