package io.trackctl.client.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A generated shipment: its carriers and every event it will ever have, oldest first. */
record Plan(List<Carrier> carriers, List<Event> events, Ending ending, Place origin, Place destination) {

    /** How a shipment ends. */
    enum Ending { DELIVERED, RETURNING, LOST, DELIVERY_FAILURE, AVAILABLE_FOR_PICKUP, EXPIRED }

    /** A carrier taking part, with the zone its clock runs in. */
    record Carrier(int key, String name, String tel, String homepage, String country, ZoneId zone) {
    }

    /** A place events happen at. */
    record Place(String city, String state, String country, String postalCode, ZoneId zone) {

        String location() {
            return postalCode == null ? city.toUpperCase(java.util.Locale.ROOT)
                    : (city + (state == null ? "" : ", " + state) + " " + postalCode).toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** One event: when, which carrier, what, where. {@code stage} is null when it is no milestone. */
    record Event(Instant at, Carrier carrier, String description, Place place, String stage, String subStatus) {
    }

    Carrier lastMile() {
        return carriers.getLast();
    }
}
