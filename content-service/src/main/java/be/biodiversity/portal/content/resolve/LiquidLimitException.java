package be.biodiversity.portal.content.resolve;

/**
 * A page's Liquid went over one of the {@link LiquidLimits}: the evaluation was stopped. The message names the
 * limit and its setting.
 *
 * @see PageResolver#resolve
 */
public class LiquidLimitException extends RuntimeException {

    private final String field;

    LiquidLimitException(String message) {
        this(null, message);
    }

    private LiquidLimitException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The page field whose Liquid went over the limit ({@code body}, {@code title}, a front-matter key). */
    public String field() {
        return field;
    }

    LiquidLimitException in(String field) {
        return this.field != null ? this : new LiquidLimitException(field, getMessage());
    }
}
