package io.trackctl.client.simulator;

import java.time.Instant;

/**
 * One API request as the simulator saw it.
 *
 * @param endpoint   the endpoint name, e.g. {@code register}
 * @param arrivedAt  real (wall-clock) arrival time
 * @param items      how many items the body held (0 for object bodies)
 * @param httpStatus the HTTP status answered
 * @param code       the envelope {@code code} answered
 */
public record RecordedRequest(String endpoint, Instant arrivedAt, int items, int httpStatus, int code) {
}
