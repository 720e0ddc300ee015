package be.biodiversity.portal.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For each value of one filter or facet field, the numbers of the entries that have it, one bit per entry: a filter is
 * an intersection and a facet count a bit count, whatever the number of entries. An entry may have several values
 * (topics, roles). Not thread-safe: used under the lock of a {@link PrefixIndex} (as its {@link PrefixIndex.Listener}).
 */
public final class ValueBits {

    private static final BitSet NONE = new BitSet();

    private final Map<String, BitSet> values = new HashMap<>();

    public void set(int id, String value) {
        if (value != null) {
            values.computeIfAbsent(value, v -> new BitSet()).set(id);
        }
    }

    public void clear() {
        values.clear();
    }

    /** The entries having this value (do not change it). */
    public BitSet of(String value) {
        return values.getOrDefault(value, NONE);
    }

    /** The entries having any of the values; {@code null} when there are none, meaning "no filter". */
    public BitSet anyOf(List<String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return null;
        }
        BitSet any = new BitSet();
        for (String value : wanted) {
            any.or(of(value));
        }
        return any;
    }

    /** The entries having a value the test accepts (a range of years). */
    public BitSet anyWhere(java.util.function.Predicate<String> test) {
        BitSet any = new BitSet();
        values.forEach((value, bits) -> {
            if (test.test(value)) {
                any.or(bits);
            }
        });
        return any;
    }

    /** The counts of the values among {@code base}, most frequent first (then by name), at most {@code max}. */
    public List<FacetCount> counts(BitSet base, int max) {
        List<FacetCount> counts = new ArrayList<>();
        BitSet both = new BitSet();
        values.forEach((name, bits) -> {
            both.clear();
            both.or(base);
            both.and(bits);
            int count = both.cardinality();
            if (count > 0) {
                counts.add(new FacetCount(name, count));
            }
        });
        counts.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::name));
        return List.copyOf(counts.subList(0, Math.min(max, counts.size())));
    }
}
