package io.trackctl.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The project's 17TRACK fixtures, copied byte for byte into the test resources. */
public final class Fixtures {

    public static final List<String> ALL = List.of("gettrackinfo-response-mixed.json", "register-response-mixed.json",
            "webhook-tracking-stopped.json", "webhook-tracking-updated-delivered.json",
            "webhook-tracking-updated-inforeceived.json", "webhook-tracking-updated-intransit-customs.json");

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
