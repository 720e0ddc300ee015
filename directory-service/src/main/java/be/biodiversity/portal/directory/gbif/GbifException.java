package be.biodiversity.portal.directory.gbif;

/**
 * A GBIF API request that gave no usable answer.
 *
 * @see #unreachable()
 */
public final class GbifException extends RuntimeException {

    private final String url;
    private final boolean unreachable;

    GbifException(String url, String reason, boolean unreachable, Throwable cause) {
        super(reason, cause, false, false);
        this.url = url;
        this.unreachable = unreachable;
    }

    /** The URL asked. */
    public String url() {
        return url;
    }

    /**
     * {@code true} when GBIF could not be reached or failed on its side (connection error, timeout, 5xx, or the
     * circuit breaker open after such failures); {@code false} when it answered that the request is wrong (4xx) or
     * with something that cannot be read.
     */
    public boolean unreachable() {
        return unreachable;
    }
}
