package be.biodiversity.portal.problems;

import tools.jackson.core.JacksonException;

/** Names the place of a JSON error the way the API names fields: {@code frontMatter.cta[0].text}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The path of the value Jackson failed on; empty when the error is not inside a value (malformed JSON). */
    public static String of(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
