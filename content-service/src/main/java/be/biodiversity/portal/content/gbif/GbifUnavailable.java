package be.biodiversity.portal.content.gbif;

/**
 * GBIF's API could not answer: no connection, a timeout, a 5xx after the retries, or the circuit breaker is open
 * after recent failures. Nothing is known about the data; what is stored stays as it is.
 */
public class GbifUnavailable extends RuntimeException {

    GbifUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
