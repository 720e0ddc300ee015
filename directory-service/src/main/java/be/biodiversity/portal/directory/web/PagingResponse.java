package be.biodiversity.portal.directory.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, in the shape of GBIF's API: {@code offset} and {@code limit} as asked, {@code count} of all
 * matches, {@code endOfRecords} when no page follows.
 */
public record PagingResponse<T>(long offset, int limit, long count, boolean endOfRecords, List<T> results) {

    public static <T> PagingResponse<T> of(long offset, int limit, long count, List<T> results) {
        return new PagingResponse<>(offset, limit, count, offset + results.size() >= count, List.copyOf(results));
    }

    public <R> PagingResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PagingResponse<>(offset, limit, count, endOfRecords, results.stream().<R>map(mapper).toList());
    }
}
