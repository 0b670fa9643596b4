package io.trackctl.core.model;

/** A page of a list: {@code page} from 1, {@code pageSize} from 1 to {@link #MAX_SIZE}, default 20. */
public record PageRequest(int page, int pageSize) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    public static final PageRequest FIRST = new PageRequest(1, DEFAULT_SIZE);

    public PageRequest {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, got " + page);
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_SIZE + ", got " + pageSize);
        }
    }

    public static PageRequest of(int page, int pageSize) {
        return new PageRequest(page, pageSize);
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
