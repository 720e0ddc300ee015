package be.biodiversity.portal.directory.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import be.biodiversity.portal.search.Folding;
import be.biodiversity.portal.search.PrefixIndex;

/**
 * What the search index keeps of one organisation: its folded words per field (for matching and ranking), the
 * filter and facet values, and the sort keys. Never shown.
 */
record IndexEntry(String key, String slug, long version, String sortName, String[] acronymWords, String[] nameWords,
        String[] cityWords, String[] namePhrases, int roleBits, OrganisationType type, String country,
        boolean endorsed, int datasets) implements PrefixIndex.Entry {

    static IndexEntry of(Organisation organisation) {
        RegistryData registry = organisation.registry();
        Names names = organisation.names();
        List<String> acronyms = nonNull(organisation.acronym(), registry == null ? null : registry.abbreviation());
        List<String> nameTexts = nonNull(names.en(), names.fr(), names.nl(),
                registry == null ? null : registry.title());
        int roleBits = 0;
        for (Role role : organisation.roles()) {
            roleBits |= 1 << role.ordinal();
        }
        return new IndexEntry(organisation.key(), organisation.slug(),
                organisation.version() == null ? 0 : organisation.version(), names.sortKey(),
                Folding.words(acronyms), Folding.words(nameTexts),
                Folding.words(nonNull(registry == null ? null : registry.city())), Folding.phrases(nameTexts), roleBits,
                organisation.type(), organisation.country(), registry != null && registry.endorsed(),
                registry == null ? 0 : registry.datasets());
    }

    boolean hasRole(Role role) {
        return (roleBits & (1 << role.ordinal())) != 0;
    }

    /** Every word an organisation can be found by. */
    @Override
    public void words(Consumer<String> sink) {
        for (String[] field : new String[][] { acronymWords, nameWords, cityWords }) {
            for (String word : field) {
                sink.accept(word);
            }
        }
    }

    private static List<String> nonNull(String... texts) {
        List<String> present = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                present.add(text);
            }
        }
        return present;
    }
}
