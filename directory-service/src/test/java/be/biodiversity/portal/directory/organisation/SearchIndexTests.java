package be.biodiversity.portal.directory.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexTests {

    final SearchIndex index = new SearchIndex();

    @Test
    void aLaterVersionReplacesAnEntryAndAnEarlierOneIsIgnored() {
        index.put(entry("k1", "old-slug", "Plantentuin Meise", 1));
        index.put(entry("k1", "new-slug", "Jardin botanique", 2));
        index.put(entry("k1", "stale-slug", "Stale name", 1));

        assertThat(keys("plantentuin")).isEmpty();
        assertThat(keys("stale")).isEmpty();
        assertThat(keys("jardin bot")).containsExactly("k1");
        assertThat(index.keyOfSlug("old-slug")).isNull();
        assertThat(index.keyOfSlug("new-slug")).isEqualTo("k1");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void removedOrganisationsAreNotFound() {
        index.put(entry("k1", "a", "Natuurpunt", 0));
        index.put(entry("k2", "b", "Natuurhistorisch Museum", 0));
        index.remove("k1");
        assertThat(keys("natuur")).containsExactly("k2");
        assertThat(index.keyOfSlug("a")).isNull();
    }

    @Test
    void manyUpdatesCompactTheIndexWithoutChangingAnswers() {
        for (int i = 0; i < 50; i++) {
            index.put(entry("k" + i, "s" + i, "Museum " + i, 0));
        }
        for (int version = 1; version <= 60; version++) {
            for (int i = 0; i < 50; i++) {
                index.put(entry("k" + i, "s" + i, (i % 2 == 0 ? "Museum " : "Herbarium ") + i, version));
            }
        }
        assertThat(index.size()).isEqualTo(50);
        assertThat(keys("museum")).hasSize(25);
        assertThat(keys("herbarium 7")).containsExactly("k7");
        assertThat(index.search(query("", 0, 1000)).count()).isEqualTo(50);
    }

    private List<String> keys(String q) {
        return index.search(query(q, 0, 100)).keys();
    }

    private static OrganisationQuery query(String q, int offset, int limit) {
        return OrganisationQuery.parse(q, null, null, null, null, null, null, offset, limit);
    }

    private static IndexEntry entry(String key, String slug, String name, long version) {
        Names names = new Names(name, null, null);
        return IndexEntry.of(new Organisation(key, slug, null, names, null, null, Set.of(Role.PUBLISHER),
                OrganisationType.OTHER, "BE", null, names.sortKey(), version, Instant.EPOCH, Instant.EPOCH));
    }
}
