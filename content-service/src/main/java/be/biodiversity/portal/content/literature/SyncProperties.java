package be.biodiversity.portal.content.literature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;

/**
 * How the site's literature follows GBIF's literature search.
 *
 * @param queries       the site's filter: each a GBIF literature-search query ({@code countriesOfResearcher=BE&peerReview=true});
 *                      a record is the site's when any query finds it (GBIF ANDs different parameters and ORs
 *                      repeated ones, so "about or by" needs two queries). Empty: no sync
 * @param interval      time between scheduled syncs; 0: none (on demand only)
 * @param initialDelay  the first scheduled sync after start
 * @param pageSize      records asked per request (GBIF allows up to 1000)
 * @param maxRecords    at most this many records per query; a query that finds more is reported as truncated and
 *                      nothing is removed
 * @param removeMissing remove records synced from GBIF that no query finds any more (else they are kept and counted)
 * @param keepReports   how many sync reports are kept
 */
@ConfigurationProperties("portal.content.literature.sync")
record SyncProperties(List<String> queries, Duration interval, Duration initialDelay, Integer pageSize,
        Long maxRecords, Boolean removeMissing, Integer keepReports) {

    /** The parameters of GBIF's literature search (github.com/gbif/literature-ws), filters only: no paging. */
    static final Set<String> GBIF_PARAMETERS = Set.of("q", "countriesOfResearcher", "countriesOfCoverage",
            "literatureType", "relevance", "year", "topics", "gbifDatasetKey", "publishingOrganizationKey",
            "peerReview", "openAccess", "gbifDownloadKey", "gbifOccurrenceKey", "gbifTaxonKey", "gbifHigherTaxonKey",
            "citationType", "doi", "source", "publisher", "language", "gbifNetworkKey", "gbifProjectIdentifier",
            "gbifProgrammeAcronym", "added", "published", "discovered", "modified");

    SyncProperties {
        queries = queries == null ? List.of() : queries.stream().filter(StringUtils::hasText).map(String::strip).toList();
        interval = interval == null ? Duration.ofHours(24) : interval;
        initialDelay = initialDelay == null ? Duration.ofMinutes(1) : initialDelay;
        pageSize = pageSize == null ? 500 : pageSize;
        maxRecords = maxRecords == null ? 20_000L : maxRecords;
        removeMissing = removeMissing == null || removeMissing;
        keepReports = keepReports == null ? 20 : keepReports;
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("portal.content.literature.sync.page-size must be 1 to 1000, not " + pageSize);
        }
        if (maxRecords < 1 || keepReports < 1) {
            throw new IllegalArgumentException(
                    "portal.content.literature.sync.max-records and keep-reports must be 1 or more");
        }
        for (int i = 0; i < queries.size(); i++) {
            parse("portal.content.literature.sync.queries[" + i + "]", queries.get(i));
        }
    }

    boolean scheduled() {
        return !queries.isEmpty() && !interval.isZero() && !interval.isNegative();
    }

    List<MultiValueMap<String, String>> parsedQueries() {
        List<MultiValueMap<String, String>> parsed = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            parsed.add(parse("portal.content.literature.sync.queries[" + i + "]", queries.get(i)));
        }
        return parsed;
    }

    /** {@code name=value&name=value}, each name one of GBIF's literature-search filters, each value non-empty. */
    static MultiValueMap<String, String> parse(String setting, String query) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq).strip();
            String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (!GBIF_PARAMETERS.contains(name)) {
                throw new IllegalArgumentException(setting + " = '" + query + "': '" + name
                        + "' is not a filter of GBIF's literature search (one of " + GBIF_PARAMETERS.stream().sorted().toList() + ")");
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException(setting + " = '" + query + "': '" + name + "' has no value");
            }
            params.add(name, value);
        }
        return params;
    }
}
