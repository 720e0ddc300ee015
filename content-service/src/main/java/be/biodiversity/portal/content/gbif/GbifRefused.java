package be.biodiversity.portal.content.gbif;

/** GBIF's API answered the request with a 4xx: the request is wrong (e.g. a filter GBIF does not know). */
public class GbifRefused extends RuntimeException {

    private final int status;

    GbifRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
