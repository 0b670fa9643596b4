package io.trackctl.client.model;

import java.util.List;

/** All providers of a shipment; {@code providersHash} changes whenever any of them changes. */
public record Tracking(Long providersHash, List<ProviderTracking> providers) {

    public Tracking {
        providers = providers == null ? List.of() : List.copyOf(providers);
    }
}
