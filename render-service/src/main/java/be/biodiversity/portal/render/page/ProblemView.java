package be.biodiversity.portal.render.page;

/**
 * A page that could not be shown.
 *
 * @param lang the visitor's language, from the URL
 * @param home the home page in that language
 * @param messageKey prefix of the {@code .title} and {@code .text} messages
 */
public record ProblemView(String lang, String home, String messageKey) {

    public static final String NOT_FOUND = "problem.not-found";

    public static final String UNAVAILABLE = "problem.unavailable";

}
