package io.trackctl.client.simulator;

import java.time.Instant;

/**
 * One try to deliver a push.
 *
 * @param number     the tracking number
 * @param event      TRACKING_UPDATED or TRACKING_STOPPED
 * @param attempt    1 for the first try, then 2, 3, ...
 * @param httpStatus what the receiver answered; 0 when it could not be reached
 * @param at         real time of the try
 */
public record PushAttempt(String number, String event, int attempt, int httpStatus, Instant at) {

    public boolean delivered() {
        return httpStatus == 200;
    }
}
