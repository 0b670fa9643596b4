package io.trackctl.client.model;

/** Paging of {@code /gettracklist}; the page size is fixed at 40 by the service. */
public record PageInfo(Integer dataTotal, Integer pageTotal, Integer pageNo, Integer pageSize) {
}
