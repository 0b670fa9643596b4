package io.trackctl.core.model;

/** A disabled shop keeps its data but takes no new tracking numbers. */
public enum ShopStatus {
    ACTIVE,
    DISABLED
}
