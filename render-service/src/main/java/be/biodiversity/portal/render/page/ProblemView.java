package be.biodiversity.portal.render.page;

/**
 * A page that could not be shown.
 *
 * @param lang the visitor's language, from the URL
 * @param home the home page in that language
 * @param messageKey prefix of the {@code .title} and {@code .text} messages
 */
record ProblemView(String lang, String home, String messageKey) {

    static final String NOT_FOUND = "problem.not-found";

    static final String UNAVAILABLE = "problem.unavailable";

}
