package be.biodiversity.portal.render.site;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.result.view.Rendering;

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

    /** The problem page with its status. */
    public static Rendering rendering(String lang, String home, HttpStatus status, String messageKey) {
        return Rendering.view("problem").status(status)
                .modelAttribute("problem", new ProblemView(lang, home, messageKey)).build();
    }

    /** The page exists in no language: the language switch links every language's home page. */
    public java.util.List<Object> languageLinks() {
        return java.util.List.of();
    }

}
