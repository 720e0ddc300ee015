package be.biodiversity.portal.system.hostile;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every hostile request must get: an answer, never a server error; a refusal where nothing may happen. */
final class Expect {

    private Expect() {
    }

    /** A 4xx: the request is refused. */
    static Answer refused(Answer answer) {
        assertThat(answer.status()).as("expected a 4xx, got %s", answer).isBetween(400, 499);
        return answer;
    }

    /** A 2xx, 3xx or 4xx: anything but a server error (or a gateway timeout, which is one). */
    static Answer answered(Answer answer) {
        assertThat(answer.status()).as("expected no server error, got %s", answer).isBetween(200, 499);
        return answer;
    }

    /** Answered, and if it is a page, one with no script of the payloads' making. */
    static Answer safePage(Answer answer, String... payloads) {
        answered(answer);
        if (answer.isHtml()) {
            assertThat(HtmlSafety.problems(answer.text(), List.of(payloads)))
                    .as("markup in the page (%s)", answer.status()).isEmpty();
        }
        return answer;
    }

    /** A page that shows the data: 200 and safe. */
    static Answer shownSafely(Answer answer, String... payloads) {
        assertThat(answer.status()).as("expected the page, got %s", answer).isEqualTo(200);
        assertThat(answer.isHtml()).as("an HTML page: %s", answer.headers()).isTrue();
        return safePage(answer, payloads);
    }

    /** A header must not have been smuggled into the answer. */
    static void noHeader(Answer answer, String name) {
        assertThat(answer.header(name)).as("header %s in %s", name, answer.headers()).isEmpty();
    }

    /** A redirect may only lead into this site: a path, not {@code //host} or {@code /\host}. */
    static void staysOnSite(Answer answer) {
        answer.header("location").ifPresent(location -> assertThat(location)
                .as("Location").startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\")
                .doesNotContain("\r").doesNotContain("\n"));
    }
}
