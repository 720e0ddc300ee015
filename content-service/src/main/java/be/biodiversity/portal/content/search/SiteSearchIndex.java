package be.biodiversity.portal.content.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import be.biodiversity.portal.search.PrefixIndex;
import be.biodiversity.portal.search.Ranking;
import be.biodiversity.portal.search.Snippets;
import be.biodiversity.portal.search.TopPage;
import be.biodiversity.portal.search.ValueBits;

/**
 * The published pages and posts of each site, in memory, for the site search: one {@link PrefixIndex} per site key,
 * with the language and kind of each entry as bits. Drafts never enter it ({@link SiteSearchFollower}).
 */
@Component
class SiteSearchIndex {

    static final int SNIPPET_CHARS = 220;

    private final Map<String, Shard> shards = new ConcurrentHashMap<>();

    void put(SiteEntry entry) {
        shard(entry.site()).index.put(entry);
    }

    /** Removes the page with this id from every site. */
    void remove(String key) {
        shards.values().forEach(shard -> shard.index.remove(key));
    }

    /** The ids of every indexed page, of every site. */
    java.util.Set<String> keys() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        shards.values().forEach(shard -> keys.addAll(shard.index.keys()));
        return keys;
    }

    int size(String site) {
        Shard shard = shards.get(site);
        return shard == null ? 0 : shard.index.size();
    }

    SiteSearchResults search(SiteSearchQuery query) {
        List<String> words = query.words();
        Shard shard = shards.get(query.site());
        if (words.isEmpty() || shard == null) {
            return new SiteSearchResults(query.offset(), query.limit(), 0, true, List.of(),
                    List.of(new SiteSearchResults.Facet("kind", List.of())));
        }
        String phrase = Ranking.phraseOf(words);
        return shard.index.read(view -> {
            BitSet matches = view.matchingAll(words);
            if (query.lang() != null) {
                matches.and(shard.langs.of(query.lang()));
            }
            var kinds = new SiteSearchResults.Facet("kind", shard.kinds.counts(matches, 10));
            if (query.kind() != null) {
                matches.and(shard.kinds.of(query.kind()));
            }
            List<Scored> scored = new ArrayList<>(matches.cardinality());
            for (int id = matches.nextSetBit(0); id >= 0; id = matches.nextSetBit(id + 1)) {
                SiteEntry entry = view.entry(id);
                scored.add(new Scored(entry, entry.score(words, phrase)));
            }
            List<SiteSearchResults.Hit> hits = TopPage.of(scored, ORDER, query.offset(), query.limit()).stream()
                    .map(s -> hit(s.entry(), words)).toList();
            return new SiteSearchResults(query.offset(), query.limit(), scored.size(),
                    query.offset() + hits.size() >= scored.size(), hits, List.of(kinds));
        });
    }

    private static SiteSearchResults.Hit hit(SiteEntry entry, List<String> words) {
        String text = entry.text();
        if (Snippets.matches(text, words).isEmpty() && entry.description() != null
                && !Snippets.matches(entry.description(), words).isEmpty()) {
            text = entry.description();
        }
        return new SiteSearchResults.Hit(entry.kind(), entry.lang(), entry.permalink(), entry.title(),
                entry.description(), entry.date(), Snippets.highlight(text, words, SNIPPET_CHARS));
    }

    private Shard shard(String site) {
        return shards.computeIfAbsent(site, s -> new Shard());
    }

    private record Scored(SiteEntry entry, int score) {
    }

    private static final Comparator<Scored> ORDER = Comparator.comparingInt(Scored::score).reversed()
            .thenComparing(s -> s.entry().date(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(s -> s.entry().permalink())
            .thenComparing(s -> s.entry().key());

    /** One site's index with its language and kind bits. */
    private static final class Shard implements PrefixIndex.Listener<SiteEntry> {

        final ValueBits langs = new ValueBits();
        final ValueBits kinds = new ValueBits();
        final PrefixIndex<SiteEntry> index = new PrefixIndex<>(this);

        @Override
        public void added(int id, SiteEntry entry) {
            langs.set(id, entry.lang());
            kinds.set(id, entry.kind());
        }

        @Override
        public void cleared() {
            langs.clear();
            kinds.clear();
        }
    }
}
