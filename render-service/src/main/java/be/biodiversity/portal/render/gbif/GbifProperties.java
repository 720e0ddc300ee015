package be.biodiversity.portal.render.gbif;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How render-service talks to the GBIF API and which part of GBIF's data the site shows ({@code portal.gbif.*}).
 *
 * @param apiUrl          the API's base ({@code https://api.gbif.org/v1}); paths such as {@code /occurrence/search}
 *                        are appended
 * @param mapUrl          GBIF's map API ({@code https://api.gbif.org/v2/map}), for the density tiles of the map image
 * @param basemapUrl      the raster base map drawn under the density tiles
 * @param websiteUrl      GBIF.org, for the links to the same query there
 * @param userAgent       the {@code User-Agent} of every request: names the portal and where to reach it
 * @param connectTimeout  time to open a connection
 * @param responseTimeout time for a whole answer: a visitor is waiting, so there is no retry (the page says GBIF
 *                        could not be reached and links to the same query on GBIF.org)
 * @param cacheTtl        an answer is used again for the same query for this long
 * @param keepLastGood    the last good answer of a query stands in, labelled with its time, while GBIF cannot be
 *                        reached, for at most this long
 * @param cacheSize       answers kept at most (fresh and last good each)
 * @param titleWait       how long a search page waits for the titles of the datasets and publishers it names by key
 *                        (asked at the same time); a later title is kept for the next page
 * @param breaker         when to stop asking a GBIF that keeps failing
 * @param site            the part of GBIF's data this site shows
 */
@ConfigurationProperties("portal.gbif")
public record GbifProperties(@DefaultValue("https://api.gbif.org/v1") URI apiUrl,
        @DefaultValue("https://api.gbif.org/v2/map") URI mapUrl,
        @DefaultValue("https://tile.gbif.org/3857/omt") URI basemapUrl,
        @DefaultValue("https://www.gbif.org") URI websiteUrl,
        @DefaultValue("GBIF.be-portal/0.1 render-service (+https://gbif.biodiversity.be)") String userAgent,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("3s") Duration responseTimeout,
        @DefaultValue("10m") Duration cacheTtl,
        @DefaultValue("24h") Duration keepLastGood,
        @DefaultValue("2000") long cacheSize,
        @DefaultValue("150ms") Duration titleWait,
        @DefaultValue Breaker breaker,
        @DefaultValue Site site) {

    /**
     * The circuit breaker: over the last {@code window} calls (at least {@code minimumCalls}), when
     * {@code failureRate} percent failed (connection error, timeout, 5xx), GBIF is not asked for {@code openFor}.
     */
    public record Breaker(@DefaultValue("10") int window, @DefaultValue("5") int minimumCalls,
            @DefaultValue("50") float failureRate, @DefaultValue("30s") Duration openFor) {
    }

    /**
     * The site's filter, as the hosted portal declares it (GBIF.be's {@code _includes/js/config.js}: occurrences in or
     * published from Belgium, present only; datasets published from Belgium; active collections and institutions in
     * Belgium shown on the NHC portal).
     *
     * @param country           the site's country (ISO 3166 alpha-2)
     * @param occurrenceScope   alternatives, each {@code name=value}: a search must hold one of them as the only value
     *                          of its filter, else the first is set ({@code country=BE}, {@code publishingCountry=BE})
     * @param occurrenceFilter  always added to occurrence searches and counts ({@code occurrenceStatus=PRESENT})
     * @param datasetFilter     always added to dataset searches ({@code publishingCountry=BE})
     * @param grscicollFilter   always added to collection and institution searches
     * @param map               where the map image is centred, and its zoom (whole Web Mercator zoom levels)
     */
    public record Site(@DefaultValue("BE") String country,
            @DefaultValue({ "country=BE", "publishingCountry=BE" }) List<String> occurrenceScope,
            @DefaultValue("occurrenceStatus=PRESENT") List<String> occurrenceFilter,
            @DefaultValue("publishingCountry=BE") List<String> datasetFilter,
            @DefaultValue({ "country=BE", "active=true", "displayOnNHCPortal=true" }) List<String> grscicollFilter,
            @DefaultValue Map map) {
    }

    public record Map(@DefaultValue("50.6") double lat, @DefaultValue("4.3") double lng,
            @DefaultValue("6") int zoom) {
    }
}
