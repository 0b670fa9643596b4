package io.trackctl.client.model;

/** Where the parcel comes from and goes to. */
public record ShippingInfo(Address shipperAddress, Address recipientAddress) {
}
