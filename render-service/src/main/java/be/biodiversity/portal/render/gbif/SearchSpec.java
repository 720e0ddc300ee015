package be.biodiversity.portal.render.gbif;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One GBIF search page: where it lives, which GBIF API it asks, what a visitor may filter by, and which facets it
 * shows.
 *
 * @param path        our page, without language prefix ({@code /occurrence/search})
 * @param api         GBIF's API path ({@code /occurrence/search})
 * @param gbifOrgPath the same search on GBIF.org ({@code /occurrence/search})
 * @param messages    prefix of its messages ({@code gbif.occurrence}: {@code .title}, {@code .lead}, ...)
 * @param filters     the visitor's filters, GBIF's parameter names, each with the pattern a value must match
 * @param single      the filters that take one value
 * @param facets      the filters shown as facets with counts
 * @param siteFilter  added to every request and GBIF.org link, never shown ({@code name=value})
 * @param scope       alternatives ({@code name=value}): one must be the only value of its filter, else the first is set
 * @param columns     message keys of the result table's column headings
 * @param map         a map image of the results (occurrences)
 */
public record SearchSpec(String path, String api, String gbifOrgPath, String messages,
        Map<String, Pattern> filters, Set<String> single, List<String> facets, List<String> siteFilter,
        List<String> scope, List<String> columns, boolean map) {

    public static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    public static final Pattern TEXT = Pattern.compile("[^\\p{Cntrl}]{1,200}");
    public static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
}
