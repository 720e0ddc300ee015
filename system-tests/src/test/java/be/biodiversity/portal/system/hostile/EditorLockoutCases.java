package be.biodiversity.portal.system.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No web page and no one behind the editor's address can lock the editor out (issue #18, finding 3), and writes
 * take only their own media types from their own origin. Cross-site "simple" requests without credentials are
 * refused but are no token guesses: after any number of them, the right token from the same address still writes.
 * Wrong tokens are throttled, but the throttle never refuses the right token. Both data services answer the same
 * credentials the same way (issue #11, finding 10).
 */
final class EditorLockoutCases {

    private static final String EVIL = "https://evil.example";

    private EditorLockoutCases() {
    }

    static List<HostileCase> all(List<WriteEndpoint> endpoints) {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(HostileCase.writing(Category.EDITOR_LOCKOUT, "five cross-site form POSTs without credentials, then "
                + "the editor's token from the same address still writes", client -> {
                    for (int i = 0; i < 5; i++) {
                        Expect.refused(client.send(form("/api/content/v1/pages", "title=x&body=" + i)));
                    }
                    Answer written = client.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                            {"lang":"en","permalink":"/hostile/after-cross-site","title":"After cross-site posts","body":"x"}"""));
                    assertThat(written.status()).as("the editor's write after the cross-site posts: %s", written).isEqualTo(201);
                }));
        List<Simple> simple = List.of(
                new Simple("form posts to both data services", r -> r.header("Origin", EVIL),
                        "application/x-www-form-urlencoded", "a=1"),
                new Simple("text/plain posts", r -> r.header("Origin", EVIL), "text/plain", "{\"slug\":\"x\"}"),
                new Simple("multipart posts", r -> r.header("Origin", EVIL), "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--\r\n"),
                new Simple("posts from Origin: null", r -> r.header("Origin", "null"), "application/x-www-form-urlencoded", "a=1"),
                new Simple("posts with a cross-site Referer and Sec-Fetch-Site", r -> r.header("Referer", EVIL + "/x")
                        .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "no-cors"),
                        "application/x-www-form-urlencoded", "a=1"));
        for (Simple s : simple) {
            cases.add(HostileCase.of(Category.EDITOR_LOCKOUT, "eight cross-site " + s.name + " without credentials, then the "
                    + "token from the same address is accepted", client -> {
                        for (int i = 0; i < 8; i++) {
                            String path = i % 2 == 0 ? "/api/content/v1/pages" : "/api/directory/v1/organisations";
                            Expect.refused(client.send(s.change.apply(Request.of("POST", path)
                                    .body(s.type, s.body.getBytes(StandardCharsets.UTF_8)))));
                        }
                        tokenAccepted(client);
                    }));
        }
        cases.add(HostileCase.of(Category.EDITOR_LOCKOUT, "wrong tokens until the throttle answers, then the right token "
                + "from the same address is accepted", client -> {
                    boolean throttled = false;
                    for (int i = 0; i < 8; i++) {
                        Answer guess = client.send(Request.of("POST", "/api/directory/v1/organisations")
                                .header("Authorization", "Bearer guess-" + i).json("{}"));
                        assertThat(guess.status()).as("guess %d: %s", i, guess).isIn(401, 403, 429);
                        throttled |= guess.status() == 429;
                    }
                    assertThat(throttled).as("eight wrong tokens throttled").isTrue();
                    tokenAccepted(client);
                    Answer read = client.asEditor(Request.get("/api/content/v1/pages?status=draft&limit=1"));
                    assertThat(read.status()).as("the editor's read of drafts after the guessing: %s", read).isEqualTo(200);
                }));
        cases.add(HostileCase.of(Category.EDITOR_LOCKOUT, "a guess every few requests between the editor's writes never "
                + "blocks the editor", client -> {
                    for (int i = 0; i < 6; i++) {
                        client.send(Request.of("POST", "/api/content/v1/pages").header("Authorization", "Bearer x" + i).json("{}"));
                        tokenAccepted(client);
                    }
                }));
        // With the right token: only the write's own media type, only from no or the same origin.
        for (WriteEndpoint endpoint : endpoints) {
            if (!endpoint.takesJson()) {
                continue;
            }
            cases.add(HostileCase.of(Category.EDITOR_LOCKOUT, endpoint.label() + " as a form with the token is 415 or 403",
                    client -> {
                        Answer answer = client.asEditor(endpoint.request("application/x-www-form-urlencoded", endpoint.body()));
                        assertThat(answer.status()).as("%s", answer).isIn(403, 415);
                    }));
            cases.add(HostileCase.of(Category.EDITOR_LOCKOUT, endpoint.label() + " with the token from Origin: " + EVIL,
                    client -> Expect.refused(client.asEditor(endpoint.request().header("Origin", EVIL)))));
        }
        cases.add(HostileCase.of(Category.EDITOR_LOCKOUT, "an import as a form with the token is 415 or 403", client -> {
            Answer answer = client.asEditor(Request.of("POST", "/api/content/v1/imports?prune=false&wait=true")
                    .body("application/x-www-form-urlencoded", "file=x".getBytes(StandardCharsets.UTF_8)));
            assertThat(answer.status()).as("%s", answer).isIn(403, 415);
        }));
        cases.add(HostileCase.of(Category.EDITOR_LOCKOUT, "a DELETE with the token from Origin: null",
                client -> Expect.refused(client.asEditor(Request.of("DELETE", "/api/content/v1/data/no-such-file?version=1")
                        .header("Origin", "null")))));
        cases.addAll(sameAnswers());
        return cases;
    }

    /** Each way of sending credentials gets the same status from content-service and directory-service. */
    private static List<HostileCase> sameAnswers() {
        List<HostileCase> cases = new ArrayList<>();
        List<String[]> variants = List.of(new String[] { "no Authorization", null },
                new String[] { "an empty Bearer", "Bearer " }, new String[] { "Bearer and no space", "Bearer" },
                new String[] { "a wrong token", "Bearer not-the-token" },
                new String[] { "the token with 'bearer' in lower case", "bearer $TOKEN" },
                new String[] { "the token with 'BEARER' in capitals", "BEARER $TOKEN" },
                new String[] { "the token and a trailing space", "Bearer $TOKEN " },
                new String[] { "the token twice", "Bearer $TOKEN $TOKEN" },
                new String[] { "the token under Token", "Token $TOKEN" });
        for (String[] variant : variants) {
            cases.add(HostileCase.of(Category.EDITOR_LOCKOUT, "both data services answer a write with " + variant[0] + " alike",
                    client -> {
                        int[] statuses = new int[2];
                        String[] paths = { "/api/content/v1/pages", "/api/directory/v1/organisations" };
                        for (int i = 0; i < 2; i++) {
                            Request request = Request.of("POST", paths[i]).json("{}");
                            if (variant[1] != null) {
                                request = request.header("Authorization", variant[1].replace("$TOKEN", tokenOf(client)));
                            }
                            statuses[i] = Expect.answered(client.another().send(request)).status();
                        }
                        assertThat(statuses[0]).as("content-service's and directory-service's statuses for %s", variant[0])
                                .isEqualTo(statuses[1]);
                    }));
        }
        return cases;
    }

    /** The right token is accepted from this client: an empty organisation is a 400 (invalid), not 401/403/429. */
    private static void tokenAccepted(Client client) throws Exception {
        Answer answer = client.asEditor(Request.of("POST", "/api/directory/v1/organisations").json("{}"));
        assertThat(answer.status()).as("the editor's token from the same address: %s", answer).isEqualTo(400);
    }

    private static Request form(String path, String body) {
        return Request.of("POST", path).header("Origin", EVIL)
                .body("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String tokenOf(Client client) {
        return client.editorToken();
    }

    private record Simple(String name, java.util.function.UnaryOperator<Request> change, String type, String body) {
    }
}
