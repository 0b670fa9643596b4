package io.trackctl.core.testing;

import java.time.ZoneOffset;
import java.util.List;

/** Real carrier keys from the 17TRACK list (API.md section 6) with a typical local offset. */
public final class Carriers {

    /** A carrier as test data needs it. */
    public record Carrier(int key, String name, String country, ZoneOffset offset) {
    }

    public static final Carrier CHINA_POST = new Carrier(3011, "China Post", "CN", ZoneOffset.ofHours(8));
    public static final Carrier CAINIAO = new Carrier(190271, "Cainiao", "CN", ZoneOffset.ofHours(8));
    public static final Carrier YUNEXPRESS = new Carrier(190008, "YunExpress", "CN", ZoneOffset.ofHours(8));
    public static final Carrier YANWEN = new Carrier(190012, "YANWEN", "CN", ZoneOffset.ofHours(8));
    public static final Carrier DHL_PAKET = new Carrier(7041, "DHL Paket", "DE", ZoneOffset.ofHours(1));
    public static final Carrier USPS = new Carrier(21051, "USPS", "US", ZoneOffset.ofHours(-5));
    public static final Carrier ROYAL_MAIL = new Carrier(11031, "Royal Mail", "GB", ZoneOffset.UTC);
    public static final Carrier JAPAN_POST = new Carrier(10021, "Japan Post", "JP", ZoneOffset.ofHours(9));
    public static final Carrier POSTNL = new Carrier(14041, "PostNL", "NL", ZoneOffset.ofHours(1));

    /** Carriers that hand a parcel over (first leg). */
    public static final List<Carrier> ORIGINS = List.of(CHINA_POST, CAINIAO, YUNEXPRESS, YANWEN);
    /** Carriers that deliver it (last mile). */
    public static final List<Carrier> LAST_MILE = List.of(DHL_PAKET, USPS, ROYAL_MAIL, JAPAN_POST, POSTNL);

    private Carriers() {
    }

    /** The known carrier with that key, or a made-up one named after the key. */
    public static Carrier byKey(int key) {
        for (Carrier c : ORIGINS) {
            if (c.key() == key) {
                return c;
            }
        }
        for (Carrier c : LAST_MILE) {
            if (c.key() == key) {
                return c;
            }
        }
        return new Carrier(key, "Carrier " + key, null, ZoneOffset.UTC);
    }
}
