package io.trackctl.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The 17TRACK fixture files, byte for byte, from the test classpath ({@code /fixtures/}, shipped in
 * the core test-jar). Use the bytes as they are: the webhook signature is computed over them.
 */
public final class Fixtures {

    public static final String UPDATED_INFO_RECEIVED = "webhook-tracking-updated-inforeceived.json";
    public static final String UPDATED_IN_TRANSIT_CUSTOMS = "webhook-tracking-updated-intransit-customs.json";
    public static final String UPDATED_DELIVERED = "webhook-tracking-updated-delivered.json";
    public static final String STOPPED = "webhook-tracking-stopped.json";
    public static final String GETTRACKINFO_MIXED = "gettrackinfo-response-mixed.json";
    public static final String REGISTER_MIXED = "register-response-mixed.json";

    /** The webhook bodies among the fixtures. */
    public static final List<String> WEBHOOKS = List.of(UPDATED_INFO_RECEIVED, UPDATED_IN_TRANSIT_CUSTOMS,
            UPDATED_DELIVERED, STOPPED);

    /** Every JSON fixture. */
    public static final List<String> ALL = List.of(UPDATED_INFO_RECEIVED, UPDATED_IN_TRANSIT_CUSTOMS,
            UPDATED_DELIVERED, STOPPED, GETTRACKINFO_MIXED, REGISTER_MIXED);

    /** Made-up security key of the signature examples in the fixtures' README. */
    public static final String SIGNATURE_KEY = "DUMMY17TRACKKEY0123456789ABCDEF";
    /** The {@code sign} of {@link #UPDATED_DELIVERED} with {@link #SIGNATURE_KEY}. */
    public static final String UPDATED_DELIVERED_SIGN =
            "ee7f3e68f9b226973b6fd596db63d318bb35dc8108f452d773f4e48324ebacdf";
    /** The {@code sign} of {@link #STOPPED} with {@link #SIGNATURE_KEY}. */
    public static final String STOPPED_SIGN = "6819c041bd228d52b43594f9870323aba9d0bb0a3c0fce39b2c3da9b5c662b02";

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
