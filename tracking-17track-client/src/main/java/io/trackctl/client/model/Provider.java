package io.trackctl.client.model;

/** A carrier as 17TRACK names it. */
public record Provider(Integer key, String name, String alias, String tel, String homepage, String country) {
}
