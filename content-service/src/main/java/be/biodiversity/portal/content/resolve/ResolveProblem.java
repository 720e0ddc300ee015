package be.biodiversity.portal.content.resolve;

/**
 * Something that went wrong resolving a page.
 *
 * @param error   true when Jekyll would fail the build (Liquid syntax); false when it would build the page anyway
 *                (a variable that refers to missing data renders empty)
 * @param field   where: {@code body} or a front-matter key such as {@code background}
 * @param line    the line within the body (1-based) where known, else null
 */
public record ResolveProblem(boolean error, String field, Integer line, String message) {
}
