package be.biodiversity.portal.render.gbif;

/** GBIF answered that the query is wrong (a 4xx other than 404): the visitor's search cannot be run as it is. */
public final class GbifRefusedException extends RuntimeException {

    private final int status;

    GbifRefusedException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
