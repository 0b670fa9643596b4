package io.trackctl.client.model;

import java.util.List;

/** One page of {@code /gettracklist}. */
public record TrackList(PageInfo page, List<TrackListItem> items) {

    public TrackList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
