package io.trackctl.client.model;

/** A carrier change the service accepted. */
public record CarrierChanged(String number, Integer carrierOld, Integer carrierNew, Integer finalCarrierOld,
                             Integer finalCarrierNew) {
}
