package io.trackctl.client.model;

/**
 * A registered number. {@code alreadyRegistered} is true when the service answered -18019901,
 * which costs nothing and means the number is tracked, so the client counts it as accepted.
 */
public record RegisterAccepted(Integer origin, String number, Integer carrier, String email, String tag, String lang,
                               boolean alreadyRegistered) {
}
