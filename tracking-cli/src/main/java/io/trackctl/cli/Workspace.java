package io.trackctl.cli;

import io.trackctl.core.crypto.SecretBox;
import io.trackctl.core.service.CarrierService;
import io.trackctl.core.service.ShopService;
import io.trackctl.core.service.TrackingService;
import io.trackctl.server.Backend;
import io.trackctl.server.Engine;
import io.trackctl.server.ServerSettings;
import io.trackctl.server.StoreBackend;
import io.trackctl.server.TrackctlServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

/**
 * The data a command works on, opened as the server opens it: the database (migrated), the data
 * directory's encryption key, and the engine without worker threads. Close it when done.
 */
final class Workspace implements AutoCloseable {

    private final ServerSettings settings;
    private final Backend backend;
    private final Engine engine;
    private final ShopService shops;
    private final CarrierService carriers;
    private final TrackingService tracking;
    private final Clock clock;

    private Workspace(ServerSettings settings, Backend backend, Engine engine, Clock clock) {
        this.settings = settings;
        this.backend = backend;
        this.engine = engine;
        this.clock = clock;
        this.shops = new ShopService(backend.shops(), new SecretBox(TrackctlServer.encryptionKey(settings)));
        this.carriers = new CarrierService(backend.carriers());
        this.tracking = new TrackingService(backend.tracking(), backend.shops(), backend.carriers(), backend.orders(),
                backend.events(), engine.registration());
    }

    static Workspace open(ServerSettings settings) {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + settings.dataDir(), e);
        }
        Backend backend = StoreBackend.open(settings);
        try {
            Clock clock = Clock.systemUTC();
            return new Workspace(settings, backend, Engine.create(backend, settings, clock, false), clock);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    ServerSettings settings() {
        return settings;
    }

    Backend backend() {
        return backend;
    }

    Engine engine() {
        return engine;
    }

    ShopService shops() {
        return shops;
    }

    CarrierService carriers() {
        return carriers;
    }

    TrackingService tracking() {
        return tracking;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            backend.close();
        }
    }
}
