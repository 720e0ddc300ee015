package be.biodiversity.portal.system.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes without the editor's token, and someone guessing it. */
final class TokenCases {

    /**
     * More wrong tokens than this from one client without a 429 is guessing left unchecked: the gateway's budget of
     * requests refused for their credentials ({@code portal.limits.auth-failures}: 5, then one every 3 minutes).
     */
    static final int MAX_UNTHROTTLED_GUESSES = 5;

    private TokenCases() {
    }

    static List<HostileCase> all(Fixtures fixtures, String token) {
        List<HostileCase> cases = new ArrayList<>();
        String wrong = token.substring(0, token.length() - 1) + (token.endsWith("x") ? "y" : "x");
        String basic = Base64.getEncoder().encodeToString(("editor:" + token).getBytes(StandardCharsets.UTF_8));
        List<Variant> variants = List.of(
                new Variant("no Authorization header", r -> r),
                new Variant("an empty Bearer token", r -> r.header("Authorization", "Bearer ")),
                new Variant("the token with its last character changed", r -> r.header("Authorization", "Bearer " + wrong)),
                new Variant("the right token under the Basic scheme", r -> r.header("Authorization", "Basic " + basic)));
        for (WriteEndpoint endpoint : WriteEndpoint.all(fixtures)) {
            for (Variant variant : variants) {
                cases.add(HostileCase.of(Category.TOKENS, endpoint.label() + " with " + variant.name,
                        client -> Expect.refused(client.send(variant.change.apply(endpoint.request())))));
            }
        }
        cases.add(HostileCase.of(Category.TOKEN_GUESSING,
                "wrong tokens in a row on writes get 429 within " + MAX_UNTHROTTLED_GUESSES
                        + " tries, for that client only", TokenCases::guessingOnWrites));
        cases.add(HostileCase.of(Category.TOKEN_GUESSING,
                "wrong tokens in a row on editor reads (drafts) get 429 within " + MAX_UNTHROTTLED_GUESSES
                        + " tries, for that client only", TokenCases::guessingOnReads));
        return cases;
    }

    private static void guessingOnWrites(Client guesser) throws Exception {
        Request write = Request.of("POST", "/api/directory/v1/organisations").json("{}");
        int tries = guessUntilThrottled(guesser, write, MAX_UNTHROTTLED_GUESSES + 1);
        assertThat(tries).as("wrong tokens answered before the first 429").isLessThanOrEqualTo(MAX_UNTHROTTLED_GUESSES);
        // The editor, from elsewhere, is not locked out: the token is accepted (the empty body is then refused).
        Answer editor = guesser.another().asEditor(write);
        assertThat(editor.status()).as("the editor after the guessing: %s", editor).isEqualTo(400);
    }

    private static void guessingOnReads(Client guesser) throws Exception {
        Request read = Request.get("/api/content/v1/pages?status=draft&limit=1");
        int tries = guessUntilThrottled(guesser, read, MAX_UNTHROTTLED_GUESSES + 1);
        assertThat(tries).as("wrong tokens answered before the first 429").isLessThanOrEqualTo(MAX_UNTHROTTLED_GUESSES);
        Answer editor = guesser.another().asEditor(read);
        assertThat(editor.status()).as("the editor after the guessing: %s", editor).isEqualTo(200);
    }

    /** Sends wrong tokens until a 429; answers how many were answered 401/403 before it. */
    private static int guessUntilThrottled(Client guesser, Request request, int limit) throws Exception {
        for (int i = 0; i < limit; i++) {
            Answer answer = guesser.send(request.header("Authorization", "Bearer guess-" + i));
            if (answer.status() == 429) {
                assertThat(answer.header("retry-after")).as("Retry-After of the 429").isPresent();
                return i;
            }
            assertThat(answer.status()).as("guess %d: %s", i, answer).isIn(401, 403);
        }
        return limit;
    }

    private record Variant(String name, UnaryOperator<Request> change) {
    }
}
