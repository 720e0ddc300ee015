package be.biodiversity.portal.system.hostile;

import java.util.List;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Well-formed JSON with values that are awkward to store: map keys MongoDB cannot take as field names, dates
 * beyond what a MongoDB date holds, NUL characters and lone UTF-16 surrogates. Each is refused (4xx) or stored
 * and shown again without a server error.
 */
final class AwkwardValueCases {

    private static final String ODD_TEXT = "Nul \\u0000 and lone \\ud800 \\udfff surrogates";

    private AwkwardValueCases() {
    }

    static List<HostileCase> all() {
        return List.of(
                HostileCase.writing(Category.MALFORMED_BODY, "a page whose front-matter keys are a.b, $where and empty",
                        client -> storedOrRefused(client, Request.of("POST", "/api/content/v1/pages").json("""
                                {"lang":"en","permalink":"/hostile/keys","title":"Keys","body":"x","frontMatter":
                                 {"a.b":"dot","$where":"1","":"empty","cta":[{"text":"a","href":"/x","x.y":1}]}}"""),
                                "/api/content/v1/pages?lang=en&path=/hostile/keys", "/hostile/keys")),
                HostileCase.writing(Category.MALFORMED_BODY, "a literature record whose identifier keys are a.b and $gt",
                        client -> storedOrRefused(client, Request.of("POST", "/api/content/v1/literature/imports").json("""
                                {"results":[{"id":"hostile-keys","title":"Keys","identifiers":{"a.b":"1","$gt":"2"}}]}"""),
                                "/api/content/v1/literature/hostile-keys", "/literature/hostile-keys")),
                HostileCase.of(Category.MALFORMED_BODY, "a post dated in the year 999999999", client -> Expect.refused(
                        client.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                                {"lang":"en","permalink":"/hostile/far","title":"Far","kind":"post",
                                 "date":"+999999999-12-31T23:59:59Z","body":"x"}""")))),
                HostileCase.of(Category.MALFORMED_BODY, "a post dated in the year -999999999", client -> Expect.refused(
                        client.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                                {"lang":"en","permalink":"/hostile/past","title":"Past","kind":"post",
                                 "date":"-999999999-01-01T00:00:00Z","body":"x"}""")))),
                HostileCase.writing(Category.MALFORMED_BODY, "a page whose title and body hold NUL and lone surrogates",
                        client -> storedOrRefused(client, Request.of("POST", "/api/content/v1/pages").json(
                                "{\"lang\":\"en\",\"permalink\":\"/hostile/odd\",\"title\":\"" + ODD_TEXT
                                        + "\",\"body\":\"" + ODD_TEXT + "\"}"),
                                "/api/content/v1/pages?lang=en&path=/hostile/odd", "/hostile/odd")),
                HostileCase.writing(Category.MALFORMED_BODY, "an organisation whose name holds NUL and lone surrogates",
                        client -> storedOrRefused(client, Request.of("POST", "/api/directory/v1/organisations").json(
                                "{\"slug\":\"hostile-odd\",\"names\":{\"en\":\"" + ODD_TEXT + "\"},\"roles\":[\"PUBLISHER\"],"
                                        + "\"type\":\"OTHER\"}"), "/api/directory/v1/organisations/slug/hostile-odd",
                                "/publisher/search?q=surrogates")),
                HostileCase.writing(Category.MALFORMED_BODY, "a person whose name holds NUL and lone surrogates",
                        client -> storedOrRefused(client, Request.of("POST", "/api/directory/v1/people").json(
                                "{\"slug\":\"hostile-odd\",\"name\":\"" + ODD_TEXT + "\",\"categories\":[\"CONTACT\"]}"),
                                "/api/directory/v1/people/slug/hostile-odd", null)),
                HostileCase.writing(Category.MALFORMED_BODY, "a registry page of new organisations with one title and keys that begin alike",
                        client -> storedOrRefused(client, Request.of("POST", "/api/directory/v1/imports/registry").json("""
                                {"results":[{"key":"0a6b2c1e-5b41-4d7e-9a55-3f1c2d4e5f71","title":"Hostile twin"},
                                 {"key":"0a6b2c1e-5b41-4d7e-9a55-3f1c2d4e5f72","title":"Hostile twin"},
                                 {"key":"0a6b2c1e-5b41-4d7e-9a55-3f1c2d4e5f73","title":"Hostile  twin!"},
                                 {"key":"0a6b2c1e-5b41-4d7e-9a55-3f1c2d4e5f74","title":"日本語"},
                                 {"key":"0a6b2c1e-5b41-4d7e-9a55-3f1c2d4e5f75","title":"%s"}]}""".formatted("x".repeat(400))),
                                "/api/directory/v1/organisations?q=hostile%20twin", "/publisher/search?q=hostile+twin")),
                HostileCase.writing(Category.MALFORMED_BODY, "a literature record whose title holds NUL and lone surrogates",
                        client -> storedOrRefused(client, Request.of("POST", "/api/content/v1/literature/imports").json(
                                "{\"results\":[{\"id\":\"hostile-odd\",\"title\":\"" + ODD_TEXT + "\"}]}"),
                                "/api/content/v1/literature/hostile-odd", "/literature/hostile-odd")));
    }

    /** Refused with a 4xx; or stored, read back through the API and shown on its page without a server error. */
    private static void storedOrRefused(Client client, Request write, String read, String page) throws Exception {
        Answer written = Expect.answered(client.asEditor(write));
        if (written.status() >= 400) {
            return;
        }
        Answer api = client.send(Request.get(read));
        assertThat(api.status()).as("read back: %s", api).isEqualTo(200);
        assertThat((Object) JsonPath.read(api.text(), "$")).isNotNull();
        if (page != null) {
            Expect.shownSafely(client.send(Request.get(page)));
        }
    }
}
