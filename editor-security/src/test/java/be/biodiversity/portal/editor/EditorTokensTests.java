package be.biodiversity.portal.editor;

import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EditorTokensTests {

    private final EditorTokens tokens = new EditorTokens(
            new EditorProperties("legacy-token", Map.of("alice", "alice-token", "bob", "bob-token", "carol", " ")));

    @Test
    void eachTokenNamesItsEditorAndTheSingleTokenIsTheEditorNamedEditor() {
        StepVerifier.create(tokens.authenticate(new BearerToken("alice-token")).map(Authentication::getName))
                .expectNext("alice").verifyComplete();
        StepVerifier.create(tokens.authenticate(new BearerToken("legacy-token")).map(Authentication::getName))
                .expectNext(EditorProperties.DEFAULT_EDITOR).verifyComplete();
    }

    @Test
    void prefixesLongerTokensAndBlankEditorsMatchNoOne() {
        for (String guess : new String[] { "alice", "alice-token ", "alice-tokenx", "", " ", "bob-token\u0000" }) {
            StepVerifier.create(tokens.authenticate(new BearerToken(guess))).expectError(BadCredentialsException.class)
                    .verify();
        }
    }

    @Test
    void twoEditorsWithOneTokenIsAStartupError() {
        assertThatIllegalStateException().isThrownBy(() -> new EditorTokens(
                new EditorProperties(null, Map.of("alice", "same", "bob", "same"))));
    }

    @Test
    void noTokenMeansNoEditor() {
        assertThat(new EditorTokens(new EditorProperties(" ", null)).any()).isFalse();
        assertThat(tokens.any()).isTrue();
    }

    @Test
    void theTokenNeverShowsInTheAuthenticationsText() {
        assertThat(new BearerToken("alice-token").toString()).doesNotContain("alice-token");
    }
}
