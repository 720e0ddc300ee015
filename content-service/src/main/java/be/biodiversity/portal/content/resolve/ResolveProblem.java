package be.biodiversity.portal.content.resolve;

/**
 * Something that went wrong resolving a page.
 *
 * @param error   true when Jekyll would fail the build (Liquid syntax, an include that is not there or not
 *                allowed); false when it would build the page anyway (a variable that refers to missing data
 *                renders empty)
 * @param field   where: {@code body} or a front-matter key such as {@code background}
 * @param line    the line within the body (1-based) where known, else null
 * @param tag     the Liquid tag at fault ({@code include}, {@code include_relative}) when the problem is one tag's:
 *                the tag renders empty and the rest of the page as written; null otherwise
 */
public record ResolveProblem(boolean error, String field, Integer line, String message, String tag) {

    public ResolveProblem(boolean error, String field, Integer line, String message) {
        this(error, field, line, message, null);
    }

    static ResolveProblem ofTag(String field, Integer line, String tag, String message) {
        return new ResolveProblem(true, field, line, message, tag);
    }
}
