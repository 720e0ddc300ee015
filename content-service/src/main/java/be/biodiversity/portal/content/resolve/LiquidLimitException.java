package be.biodiversity.portal.content.resolve;

/**
 * A page's Liquid went over one of the {@link LiquidLimits}: the evaluation was stopped. The message names the
 * limit and its setting.
 *
 * @see PageResolver#resolve
 */
public class LiquidLimitException extends RuntimeException {

    private final String field;
    private final boolean timing;

    LiquidLimitException(String message) {
        this(null, message, false);
    }

    private LiquidLimitException(String field, String message, boolean timing) {
        super(message, null, false, false);
        this.field = field;
        this.timing = timing;
    }

    /** The time limit, which a busy machine may pass where an idle one would not (so not a lasting verdict). */
    static LiquidLimitException timing(String message) {
        return new LiquidLimitException(null, message, true);
    }

    /** True when the page went over the time limit; false for the limits that do not depend on the machine. */
    public boolean timing() {
        return timing;
    }

    /** The page field whose Liquid went over the limit ({@code body}, {@code title}, a front-matter key). */
    public String field() {
        return field;
    }

    LiquidLimitException in(String field) {
        return this.field != null ? this : new LiquidLimitException(field, getMessage(), timing);
    }
}
