package be.biodiversity.portal.render.gbif;

/**
 * GBIF could not be reached (connection error, timeout, 5xx, circuit breaker open) and no earlier answer of the same
 * query is kept: the page shows a notice and a link to the same query on GBIF.org.
 */
public final class GbifUnavailableException extends RuntimeException {

    GbifUnavailableException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
