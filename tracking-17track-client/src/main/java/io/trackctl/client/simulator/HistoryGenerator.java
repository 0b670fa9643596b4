package io.trackctl.client.simulator;

import io.trackctl.client.simulator.Plan.Carrier;
import io.trackctl.client.simulator.Plan.Ending;
import io.trackctl.client.simulator.Plan.Event;
import io.trackctl.client.simulator.Plan.Place;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Invents a plausible history for a number, the same every time for the same number and seed.
 * International routes hand over from an origin carrier in China to a last-mile carrier in the
 * USA or Germany and pass export and import customs; domestic routes have one carrier. With the
 * default start time, German and US legs cross the end of daylight-saving time.
 */
final class HistoryGenerator {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static final Carrier CHINA_POST = new Carrier(3011, "China Post", "+86 11183", "https://yjcx.ems.com.cn/", "CN",
            SHANGHAI);
    static final Carrier CAINIAO = new Carrier(190271, "Cainiao", "+86 95187", "https://global.cainiao.com/", "CN",
            SHANGHAI);
    static final Carrier USPS = new Carrier(21051, "USPS", "+1 800-275-8777", "https://www.usps.com/", "US", NEW_YORK);
    static final Carrier DHL_PAKET = new Carrier(7041, "DHL Paket", "+49 228 4333112", "https://www.dhl.de/", "DE",
            BERLIN);
    static final Carrier UPS = new Carrier(100002, "UPS", "+1 800-742-5877", "https://www.ups.com/", "US", NEW_YORK);

    private static final Place GUANGZHOU = new Place("Guangzhou", "Guangdong", "CN", null, SHANGHAI);
    private static final Place SHENZHEN = new Place("Shenzhen", "Guangdong", "CN", null, SHANGHAI);
    private static final Place JAMAICA_NY = new Place("Jamaica", "NY", "US", "11430", NEW_YORK);
    private static final Place BROOKLYN = new Place("Brooklyn", "NY", "US", "11201", NEW_YORK);
    private static final Place LEIPZIG = new Place("Leipzig", "SN", "DE", "04435", BERLIN);
    private static final Place BERLIN_CITY = new Place("Berlin", "BE", "DE", "10115", BERLIN);
    private static final Place HAMBURG = new Place("Hamburg", "HH", "DE", "20095", BERLIN);
    private static final Place NEWARK = new Place("Newark", "NJ", "US", "07102", NEW_YORK);
    private static final Place PHILADELPHIA = new Place("Philadelphia", "PA", "US", "19104", NEW_YORK);

    private final long seed;

    HistoryGenerator(long seed) {
        this.seed = seed;
    }

    Plan plan(String number, int registeredCarrier, Instant registeredAt) {
        Random random = new Random(seedFor(number));
        Ending ending = Ending.values()[random.nextInt(Ending.values().length)];
        return switch (route(registeredCarrier, random)) {
            case 0 -> international(CHINA_POST, USPS, GUANGZHOU, JAMAICA_NY, BROOKLYN, ending, registeredAt, random);
            case 1 -> international(CAINIAO, DHL_PAKET, SHENZHEN, LEIPZIG, BERLIN_CITY, ending, registeredAt, random);
            case 2 -> domestic(DHL_PAKET, HAMBURG, BERLIN_CITY, ending, registeredAt, random);
            default -> domestic(UPS, NEWARK, PHILADELPHIA, ending, registeredAt, random);
        };
    }

    private static int route(int carrier, Random random) {
        return switch (carrier) {
            case 3011, 21051 -> 0;
            case 190271 -> 1;
            case 7041 -> 2 - random.nextInt(2);
            case 100002 -> 3;
            default -> random.nextInt(4);
        };
    }

    private Plan international(Carrier first, Carrier last, Place origin, Place hub, Place dest, Ending ending,
                               Instant start, Random random) {
        Steps s = new Steps(start, random);
        s.add(2, first, "Item data received from sender", origin, "InfoReceived", "InfoReceived");
        s.add(20, first, "Item accepted by the post office", origin, "PickedUp", "InTransit_PickedUp");
        s.add(14, first, "Export customs clearance in progress", origin, null, "InTransit_CustomsProcessing");
        s.add(22, first, "Dispatched from the outward office of exchange", origin, "Departure", "InTransit_Departure");
        s.add(110, last, "Arrived at international service center", hub, "Arrival", "InTransit_Arrival");
        s.add(6, last, "Import customs clearance in progress", hub, null, "InTransit_CustomsProcessing");
        s.add(18, last, "Released from import customs", hub, null, "InTransit_CustomsReleased");
        s.add(14, last, "Departed sorting facility", hub, null, "InTransit_Other");
        s.add(26, last, "Arrived at destination delivery unit", dest, null, "InTransit_Other");
        finish(s, last, dest, ending);
        return new Plan(List.of(first, last), s.events, ending, origin, dest);
    }

    private Plan domestic(Carrier carrier, Place origin, Place dest, Ending ending, Instant start, Random random) {
        Steps s = new Steps(start, random);
        s.add(2, carrier, "Shipment information received", origin, "InfoReceived", "InfoReceived");
        s.add(16, carrier, "Picked up by the carrier", origin, "PickedUp", "InTransit_PickedUp");
        s.add(12, carrier, "Departed sorting facility", origin, null, "InTransit_Other");
        s.add(20, carrier, "Arrived at destination facility", dest, null, "InTransit_Other");
        finish(s, carrier, dest, ending);
        return new Plan(List.of(carrier), s.events, ending, origin, dest);
    }

    private static void finish(Steps s, Carrier c, Place dest, Ending ending) {
        switch (ending) {
            case DELIVERED -> {
                s.add(16, c, "Out for delivery", dest, "OutForDelivery", "OutForDelivery_Other");
                s.add(5, c, "Delivered, in/at mailbox", dest, "Delivered", "Delivered_Other");
            }
            case DELIVERY_FAILURE -> {
                s.add(16, c, "Out for delivery", dest, "OutForDelivery", "OutForDelivery_Other");
                s.add(5, c, "Delivery attempted, no authorized recipient available", dest, null,
                        "DeliveryFailure_NoBody");
            }
            case AVAILABLE_FOR_PICKUP -> s.add(18, c, "Available for pickup at the post office", dest,
                    "AvailableForPickup", "AvailableForPickup_Other");
            case RETURNING -> {
                s.add(30, c, "Addressee unknown", dest, null, "Exception_NoBody");
                s.add(20, c, "Return to sender in progress", dest, "Returning", "Exception_Returning");
            }
            case LOST -> s.add(96, c, "Shipment could not be located and is considered lost", dest, null,
                    "Exception_Lost");
            case EXPIRED -> {
                // No further carrier event: the status turns Expired by time (see TrackInfoBuilder).
            }
        }
    }

    private long seedFor(String number) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((number + "#" + seed).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds events with growing, jittered gaps, rounded to the minute. */
    private static final class Steps {
        final List<Event> events = new ArrayList<>();
        final Random random;
        Instant t;

        Steps(Instant start, Random random) {
            this.t = start.truncatedTo(ChronoUnit.MINUTES);
            this.random = random;
        }

        void add(int hours, Carrier carrier, String description, Place place, String stage, String sub) {
            long minutes = Math.max(17, hours * 60L + random.nextInt(181) - 90);
            t = t.plus(Duration.ofMinutes(minutes));
            events.add(new Event(t, carrier, description, place, stage, sub));
        }
    }
}
