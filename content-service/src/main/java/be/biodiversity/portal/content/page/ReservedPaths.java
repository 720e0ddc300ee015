package be.biodiversity.portal.content.page;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The paths the portal answers itself, where a page would never be shown (or would shadow the portal): the
 * gateway's and the services' own ({@code /api}, {@code /actuator}, {@code /_gateway}), the files every site has
 * ({@code /robots.txt}, {@code /sitemap.xml} and its parts {@code /sitemap-n.xml}, {@code /favicon.ico},
 * {@code /feed.xml}) and render-service's routes
 * (publisher, literature, dataset, occurrence, collection and institution pages and searches, the site search, the
 * privacy page, its assets). A page there is refused on write and left out of an import (reported per file). Each
 * holds with a language prefix too ({@code /nl/feed.xml}). Keep this list in step with render-service's controllers.
 */
final class ReservedPaths {

    /** A segment that makes every path holding it the portal's ({@code /actuator} anywhere answers 404). */
    private static final Set<String> ANYWHERE = Set.of("actuator", "_gateway");
    /** First segments (after the language) whose whole tree is the portal's. */
    private static final Set<String> TREES = Set.of("api", "assets");
    /**
     * First segments (after the language) whose pages below are render-service's: {@code /publisher/{key}}, its
     * searches and records of GBIF's datasets, occurrences, collections and institutions, and editors' previews
     * {@code /preview/{id}}.
     */
    private static final Set<String> BELOW = Set.of("publisher", "literature", "dataset", "occurrence", "collection",
            "institution", "preview");
    /** Single paths (after the language). */
    private static final Set<String> EXACT = Set.of("robots.txt", "sitemap.xml", "favicon.ico", "feed.xml", "privacy",
            "search");

    /** The parts of a sitemap index ({@code /sitemap-2.xml}). */
    private static final java.util.regex.Pattern SITEMAP_PART = java.util.regex.Pattern.compile("sitemap-[0-9]+\\.xml");

    private ReservedPaths() {
    }

    /** Why the portal keeps this permalink for itself, or empty when a page may have it. */
    static Optional<String> reason(String permalink, Collection<String> languages) {
        List<String> segments = Arrays.stream(permalink.split("/")).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Optional<String> anywhere = segments.stream().filter(ANYWHERE::contains).findFirst();
        if (anywhere.isPresent()) {
            return Optional.of("the portal keeps every path with a '" + anywhere.get() + "' segment for itself");
        }
        List<String> rest = !segments.isEmpty() && languages.contains(segments.get(0))
                ? segments.subList(1, segments.size()) : segments;
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        String first = rest.get(0);
        if (TREES.contains(first)) {
            return Optional.of("the portal serves everything under /" + first + " itself");
        }
        if (BELOW.contains(first) && rest.size() > 1) {
            return Optional.of("the portal serves the pages under /" + first + "/ itself (searches and records)");
        }
        if (rest.size() == 1 && (EXACT.contains(first) || SITEMAP_PART.matcher(first).matches())) {
            return Optional.of("the portal serves /" + first + " itself");
        }
        return Optional.empty();
    }
}
