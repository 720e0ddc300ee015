package be.biodiversity.portal.editor;

/**
 * An authenticated editor: what a controller receives as {@code @AuthenticationPrincipal Editor editor} (null for
 * an anonymous request), and the author that history records.
 *
 * @param name the editor's name from the configuration ({@code portal.editor.tokens.<name>}), never a request header
 */
public record Editor(String name) {

    @Override
    public String toString() {
        return name;
    }
}
