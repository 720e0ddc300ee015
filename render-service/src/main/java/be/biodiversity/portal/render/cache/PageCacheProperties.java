package be.biodiversity.portal.render.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How rendered pages, and the providers' answers they are made of, are kept.
 *
 * @param enabled            keep rendered pages at all
 * @param maxAge             the longest a page is served without rendering it again, even when content-service
 *                           reports no change (bounds how long a directory edit takes to show)
 * @param staleIfError       how long a page rendered before is still served when content-service is down
 * @param maxEntries         how many pages are kept (least recently used go first)
 * @param revisionPoll       how often content-service's site revision is read; an edit shows within about this
 * @param maxAgeWithoutRevision the most a page is kept fresh while the site revision cannot be read
 * @param answers            keep the providers' answers (site data, pages, translations, lists) for the next render
 * @param directoryMaxAge    the longest a directory-service answer is used again (directory-service has no
 *                           revision to follow)
 * @param answerMaxEntries   how many provider answers are kept (least recently used go first)
 * @param gbifPagesMaxSize   the most bytes of pages made from GBIF's answers kept (searches, records: any query
 *                           a visitor makes up is one), apart from the other pages so that they never push those out
 */
@ConfigurationProperties("portal.cache")
public record PageCacheProperties(Boolean enabled, Duration maxAge, Duration staleIfError, Integer maxEntries,
        Duration revisionPoll, Duration maxAgeWithoutRevision, Boolean answers, Duration directoryMaxAge,
        Integer answerMaxEntries, DataSize gbifPagesMaxSize) {

    public PageCacheProperties {
        enabled = enabled == null || enabled;
        maxAge = maxAge == null ? Duration.ofSeconds(30) : maxAge;
        staleIfError = staleIfError == null ? Duration.ofMinutes(15) : staleIfError;
        maxEntries = maxEntries == null ? 2000 : maxEntries;
        revisionPoll = revisionPoll == null ? Duration.ofMillis(250) : revisionPoll;
        maxAgeWithoutRevision = maxAgeWithoutRevision == null ? Duration.ofMillis(500) : maxAgeWithoutRevision;
        answers = answers == null || answers;
        directoryMaxAge = directoryMaxAge == null ? Duration.ofSeconds(5) : directoryMaxAge;
        answerMaxEntries = answerMaxEntries == null ? 1000 : answerMaxEntries;
        gbifPagesMaxSize = gbifPagesMaxSize == null ? DataSize.ofMegabytes(8) : gbifPagesMaxSize;
    }
}
