package cn.cfp.shared;

import java.util.List;

/**
 * A page of a list the API returns ({@code ?page=0&size=50}): lists never come back whole, so a body of a thousand
 * cases costs the same as one of fifty. The total is sent in the {@code X-Total-Count} header.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public Paging {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw Refusal.badRequest(List.of(Reason.of("shared.paging", MAX_SIZE).at(page < 0 ? "page" : "size")));
        }
    }

    /** From optional request parameters: page 0 and {@link #DEFAULT_SIZE} when absent. */
    public static Paging of(Integer page, Integer size) {
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }

    /** This page of a list already in memory. */
    public <T> List<T> slice(List<T> all) {
        int from = Math.min(offset(), all.size());
        return List.copyOf(all.subList(from, Math.min(from + size, all.size())));
    }

    /** A page of items and the total count of the whole list. */
    public record Page<T>(List<T> items, long total) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
