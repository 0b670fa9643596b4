package io.trackctl.client.model;

/** A postal address as 17TRACK reports it; every part may be null. */
public record Address(String country, String state, String city, String street, String postalCode,
                      Coordinates coordinates) {
}
