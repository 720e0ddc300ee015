package be.biodiversity.portal.directory.organisation;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import be.biodiversity.portal.search.PrefixIndex;

/**
 * The organisations held in memory for searching, on the portal's one search design (module {@code search-index}):
 * a {@link PrefixIndex} of the folded words of their names, acronyms and cities, so the organisations with a word
 * beginning with a prefix are one range of a sorted map; beside it, per entry number, the filter and facet bits
 * ({@link FacetBits}) and the slugs. MongoDB stays the store; this index answers which keys match, in which order,
 * with which facet counts. The embedded MongoDB has no text search and uses no index for a regular expression,
 * hence this. Kept current by {@link IndexFollower}.
 */
@Component
public class SearchIndex {

    private final Extras extras = new Extras();
    private final PrefixIndex<IndexEntry> index = new PrefixIndex<>(extras);

    /** Adds or replaces the entry of an organisation, unless the index already has a later version of it. */
    void put(IndexEntry entry) {
        index.put(entry);
    }

    /** Puts what MongoDB holds now for the key ({@code null}: nothing), whatever version the index had. */
    void replace(String key, IndexEntry current) {
        index.replace(key, current);
    }

    void remove(String key) {
        index.remove(key);
    }

    void clear() {
        index.clear();
    }

    int size() {
        return index.size();
    }

    /** The key of the organisation with this slug, or {@code null}. */
    String keyOfSlug(String slug) {
        return index.read(view -> extras.keysBySlug.get(slug));
    }

    /** The keys of the page the query asks for, in order, with the count of all matches and the facet counts. */
    SearchHits search(OrganisationQuery query) {
        return index.read(view -> {
            BitSet candidates = view.matchingAll(query.words());
            extras.facets.applyEndorsed(query, candidates);
            BitSet matches = extras.facets.passing(query, candidates, null);
            List<SearchHits.Facet> facets = query.facets().stream().sorted()
                    .map(field -> extras.facets.facet(query, candidates, field)).toList();
            return new IndexSearch(view, query).run(matches, facets);
        });
    }

    /** The facet bits and slugs of the entries, kept by the index under its write lock. */
    private static final class Extras implements PrefixIndex.Listener<IndexEntry> {

        final FacetBits facets = new FacetBits();
        final Map<String, String> keysBySlug = new HashMap<>();

        @Override
        public void added(int id, IndexEntry entry) {
            facets.add(id, entry);
            keysBySlug.put(entry.slug(), entry.key());
        }

        @Override
        public void removed(int id, IndexEntry entry) {
            keysBySlug.remove(entry.slug(), entry.key());
        }

        @Override
        public void cleared() {
            facets.clear();
            keysBySlug.clear();
        }
    }
}
