package be.biodiversity.portal.gateway.limit;

/**
 * A streamed request body passed its limit. Ends the proxying of that request; listed in the circuit breakers'
 * {@code ignore-exceptions}, since it says nothing about the service's health.
 */
public class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(long limit) {
        super("The request body is larger than the " + limit + " bytes accepted here.", null, false, false);
    }
}
