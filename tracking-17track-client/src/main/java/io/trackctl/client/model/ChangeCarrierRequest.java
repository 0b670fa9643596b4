package io.trackctl.client.model;

import java.util.Objects;

/** Moves a number to another carrier (at most 5 times per number). */
public record ChangeCarrierRequest(String number, Integer carrierOld, Integer carrierNew, Integer finalCarrierOld,
                                   Integer finalCarrierNew) {

    public ChangeCarrierRequest {
        Objects.requireNonNull(number, "number");
    }

    public static ChangeCarrierRequest of(String number, Integer carrierOld, int carrierNew) {
        return new ChangeCarrierRequest(number, carrierOld, carrierNew, null, null);
    }
}
