package be.biodiversity.portal.content.jekyll;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import be.biodiversity.portal.content.asset.AssetSource;
import be.biodiversity.portal.content.language.SiteLanguages;
import be.biodiversity.portal.content.page.Page;

/**
 * A repository as read, before anything is stored.
 *
 * @param languages the languages the site declares and uses, to be stored with it
 * @param assets    the static files Jekyll would copy to the site as they are, by path (over-limit ones left out)
 */
record ReadSite(List<ImportedItem> items, List<ImportedData> data, List<ImportedInclude> includes,
        List<Problem> problems, SiteLanguages languages, Map<String, AssetSource> assets) {

    ReadSite(List<ImportedItem> items, List<ImportedData> data, List<ImportedInclude> includes, List<Problem> problems) {
        this(items, data, includes, problems, null, Map.of());
    }

    /** An error that refuses the whole import ({@code strict}: any error). */
    boolean hasErrors(boolean strict) {
        return problems.stream().anyMatch(p -> p.refusesImport(strict));
    }

    /** The files left out of this import. */
    Set<String> skipped() {
        return problems.stream().filter(p -> Problem.SKIPPED.equals(p.action())).map(Problem::file)
                .collect(Collectors.toSet());
    }

    List<ImportedItem> published() {
        return items.stream().filter(i -> !Page.DRAFT.equals(i.page().status())).toList();
    }

    Map<String, String> includesByName() {
        return includes.stream().collect(Collectors.toMap(ImportedInclude::name, ImportedInclude::source, (a, b) -> b));
    }

    ReadSite with(List<ImportedItem> items, List<Problem> problems) {
        return new ReadSite(items, data, includes, problems, languages, assets);
    }
}
