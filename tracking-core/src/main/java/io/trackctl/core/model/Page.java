package io.trackctl.core.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One page of results with the total count over all pages. */
public record Page<T>(List<T> items, int page, int pageSize, long total) {

    public Page {
        Objects.requireNonNull(items, "items");
        if (page < 1 || pageSize < 1 || total < 0) {
            throw new IllegalArgumentException("need page >= 1, pageSize >= 1 and total >= 0, got page " + page
                    + ", pageSize " + pageSize + ", total " + total);
        }
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.pageSize(), total);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, pageSize, total);
    }
}
