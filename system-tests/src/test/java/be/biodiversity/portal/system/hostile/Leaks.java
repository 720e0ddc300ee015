package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What no answer to a visitor may ever hold, whatever was asked (issues #11 and #18: "variants get nothing"):
 * the content of files of a service's machine ({@code /etc/passwd}, {@code /proc/self/environ}, its command line
 * with the editor token), the editor token itself, the address of a service behind the gateway, and the text of
 * the suite's drafts ({@link Secrets}). Every answer to a request without the editor's token is checked by
 * {@link Client}; the cases of the new categories check the answers to the editor too where these must not leak.
 */
final class Leaks {

    /** Text of a file or the environment of a service's machine, never of a page of ours. */
    static final List<String> FILE_CONTENT = List.of("root:x:0:0", "daemon:x:", "PATH=/", "JAVA_HOME=", "HOME=/",
            "MONGODB_URI", "SPRING_MONGODB", "portal.editor.token=", "-XX:TieredStopAtLevel", "java.class.path",
            "VmRSS:", "Linux version ");

    private final String editorToken;
    private final List<String> internalAddresses;

    Leaks(String editorToken, List<String> internalAddresses) {
        this.editorToken = editorToken;
        this.internalAddresses = List.copyOf(internalAddresses);
    }

    /** What an answer to anyone (the editor included) must not hold: files, the token, internal addresses. */
    List<String> inAnyAnswer(Answer answer) {
        String text = answer.text() + " " + answer.headers();
        List<String> found = new ArrayList<>();
        FILE_CONTENT.stream().filter(text::contains).forEach(s -> found.add("file content '" + s + "'"));
        if (text.contains(editorToken)) {
            found.add("the editor token");
        }
        internalAddresses.stream().filter(text::contains).forEach(a -> found.add("the internal address " + a));
        return found;
    }

    /** What an answer to a visitor without the token must not hold: the above, and the suite's secrets. */
    List<String> inAnonymousAnswer(Answer answer) {
        List<String> found = inAnyAnswer(answer);
        String text = answer.text();
        Secrets.MARKS.stream().filter(text::contains).forEach(m -> found.add("secret text '" + m + "'"));
        return found;
    }

    void assertNoneToAnyone(String what, Answer answer) {
        assertThat(inAnyAnswer(answer)).as("leaked in the answer to %s: %s", what, answer).isEmpty();
    }

    void assertNoneAnonymously(String what, Answer answer) {
        assertThat(inAnonymousAnswer(answer)).as("leaked in the answer to %s: %s", what, answer).isEmpty();
    }
}
