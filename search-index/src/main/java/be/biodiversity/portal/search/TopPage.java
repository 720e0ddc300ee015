package be.biodiversity.portal.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Picks one page of matches in order without sorting all of them: a heap of the first offset + limit. */
public final class TopPage {

    private TopPage() {
    }

    /** The items at {@code [offset, offset + limit)} of {@code matches} sorted by {@code order}. */
    public static <T> List<T> of(List<T> matches, Comparator<? super T> order, long offset, int limit) {
        int wanted = (int) Math.min(offset + limit, matches.size());
        if (offset >= wanted) {
            return List.of();
        }
        Comparator<? super T> reversed = order.reversed();
        PriorityQueue<T> best = new PriorityQueue<>(wanted + 1, reversed);
        for (T item : matches) {
            if (best.size() < wanted) {
                best.add(item);
            }
            else if (order.compare(item, best.peek()) < 0) {
                best.poll();
                best.add(item);
            }
        }
        List<T> sorted = new ArrayList<>(best);
        sorted.sort(order);
        return List.copyOf(sorted.subList((int) offset, wanted));
    }
}
