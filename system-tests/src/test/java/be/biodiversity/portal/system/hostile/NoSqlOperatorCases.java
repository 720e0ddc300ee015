package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MongoDB query operators where a value is expected (issue #11: "a NoSQL-operator case must assert that nothing was
 * leaked or changed, not only that the status is some 2xx–4xx"). In JSON bodies written with the editor token, each
 * must be refused and change nothing (the suite's snapshot of the data is compared after every case that is not
 * meant to write). In paths and parameters, each must be read as the literal text it is: a lookup by such a key finds
 * nothing (never some other record), a listing lists no draft and no more than without the parameter.
 */
final class NoSqlOperatorCases {

    private static final List<String> OPERATORS = List.of("{\"$gt\":\"\"}", "{\"$ne\":null}", "{\"$regex\":\".*\"}",
            "{\"$where\":\"sleep(1000)\"}", "{\"$exists\":true}", "{\"$in\":[\"hostile-fixture\"]}");

    private NoSqlOperatorCases() {
    }

    static List<HostileCase> all(Fixtures f, Secrets s) {
        List<HostileCase> cases = new ArrayList<>();
        cases.addAll(inBodies(f));
        cases.addAll(inPaths(s));
        cases.addAll(inParameters());
        return cases;
    }

    /**
     * With the editor's token: an operator in place of a value is a 400 (or 404/409/415), and nothing changes. (A
     * page has no {@code version} field in its body, so an operator there beside a right {@code ?version=} is an
     * unknown field, ignored, and the write a valid one: not a case.)
     */
    private static List<HostileCase> inBodies(Fixtures f) {
        List<HostileCase> cases = new ArrayList<>();
        String page = "/api/content/v1/pages/" + f.pageId();
        String organisation = "/api/directory/v1/organisations/" + f.organisationKey();
        String person = "/api/directory/v1/people/" + f.personKey();
        for (String op : List.of("{\"$gt\":\"\"}", "{\"$ne\":null}", "{\"$regex\":\".*\"}")) {
            List<String[]> writes = List.of(
                    new String[] { "POST", "/api/content/v1/pages",
                            "{\"lang\":\"en\",\"permalink\":" + op + ",\"title\":\"x\",\"body\":\"x\"}" },
                    new String[] { "POST", "/api/content/v1/pages",
                            "{\"lang\":" + op + ",\"permalink\":\"/hostile/nosql\",\"title\":\"x\",\"body\":\"x\"}" },
                    new String[] { "POST", "/api/content/v1/pages",
                            "{\"lang\":\"en\",\"permalink\":\"/hostile/nosql\",\"title\":" + op + ",\"body\":\"x\"}" },
                    new String[] { "POST", "/api/content/v1/pages", "{\"lang\":\"en\",\"permalink\":\"/hostile/nosql\","
                            + "\"title\":\"x\",\"body\":\"x\",\"status\":" + op + ",\"kind\":" + op + "}" },
                    new String[] { "PUT", page, "{\"lang\":\"en\",\"permalink\":\"/hostile/fixture\",\"title\":\"x\","
                            + "\"body\":\"x\",\"version\":" + op + "}" },
                    new String[] { "PUT", "/api/content/v1/data/" + Fixtures.DATA_NAME,
                            "{\"source\":\"changed: true\\n\",\"version\":" + op + "}" },
                    new String[] { "PUT", "/api/content/v1/data/" + Fixtures.DATA_NAME + "?version=" + f.dataVersion(),
                            "{\"source\":" + op + "}" },
                    new String[] { "POST", "/api/content/v1/literature/imports",
                            "{\"results\":[{\"id\":" + op + ",\"title\":\"Changed by an operator\"}]}" },
                    new String[] { "POST", "/api/content/v1/literature/imports",
                            "{\"results\":[{\"id\":\"hostile-nosql\",\"title\":\"x\",\"year\":" + op + "}]}" },
                    new String[] { "POST", "/api/directory/v1/organisations", "{\"slug\":" + op
                            + ",\"names\":{\"en\":\"x\"},\"roles\":[\"PUBLISHER\"],\"type\":\"OTHER\"}" },
                    new String[] { "POST", "/api/directory/v1/organisations", "{\"slug\":\"hostile-nosql\",\"key\":" + op
                            + ",\"names\":{\"en\":\"x\"},\"roles\":[\"PUBLISHER\"],\"type\":\"OTHER\"}" },
                    new String[] { "PUT", organisation, "{\"slug\":\"hostile-fixture\",\"names\":{\"en\":\"Changed\"},"
                            + "\"roles\":[\"PUBLISHER\"],\"type\":\"OTHER\",\"version\":" + op + "}" },
                    new String[] { "PUT", organisation, "{\"slug\":\"hostile-fixture\",\"names\":" + op
                            + ",\"roles\":[\"PUBLISHER\"],\"type\":\"OTHER\",\"version\":0}" },
                    new String[] { "POST", "/api/directory/v1/people", "{\"slug\":\"hostile-nosql\",\"name\":\"x\","
                            + "\"categories\":[\"CONTACT\"],\"organisationKey\":" + op + "}" },
                    new String[] { "PUT", person, "{\"slug\":\"hostile-fixture\",\"name\":\"Changed\","
                            + "\"categories\":[\"CONTACT\"],\"version\":" + op + "}" },
                    new String[] { "PUT", person, "{\"slug\":\"hostile-fixture\",\"name\":\"Changed\","
                            + "\"categories\":[\"CONTACT\"],\"email\":" + op + ",\"version\":0}" },
                    new String[] { "POST", "/api/directory/v1/imports/registry", "{\"results\":[{\"key\":" + op
                            + ",\"title\":\"Changed by an operator\"}]}" });
            for (String[] write : writes) {
                cases.add(HostileCase.of(Category.NOSQL_OPERATORS, write[0] + " " + write[1].replaceAll("\\?.*", "")
                        .replace(f.pageId(), "{fixture}").replace(f.organisationKey(), "{fixture}")
                        .replace(f.personKey(), "{fixture}") + " " + write[2], client -> Expect.refused(
                                client.asEditor(Request.of(write[0], write[1]).json(write[2])))));
            }
        }
        // Deletes and restores addressed by an operator: nothing deleted, nothing restored.
        for (String op : List.of("%7B%22%24ne%22%3Anull%7D", "%7B%22%24gt%22%3A%22%22%7D", "%24ne", "[$ne]=x")) {
            for (String target : List.of("/api/content/v1/pages/" + op + "?version=" + f.pageVersion(),
                    "/api/content/v1/data/" + op + "?version=" + f.dataVersion(),
                    "/api/directory/v1/organisations/" + op, "/api/directory/v1/people/" + op)) {
                cases.add(HostileCase.of(Category.NOSQL_OPERATORS, "DELETE " + target + " with the token",
                        client -> Expect.refused(client.asEditor(Request.of("DELETE", target)))));
            }
            cases.add(HostileCase.of(Category.NOSQL_OPERATORS, "restore revision " + op + " of the fixture page",
                    client -> Expect.refused(client.asEditor(Request.of("POST", "/api/content/v1/pages/" + f.pageId()
                            + "/revisions/" + op + "/restore?version=" + f.pageVersion())))));
        }
        cases.add(HostileCase.of(Category.NOSQL_OPERATORS, "DELETE the fixture page with version[$gt]=0",
                client -> Expect.refused(client.asEditor(Request.of("DELETE",
                        "/api/content/v1/pages/" + f.pageId() + "?version[$gt]=0")))));
        cases.add(HostileCase.of(Category.NOSQL_OPERATORS, "DELETE the fixture data file with version={\"$gt\":0}",
                client -> Expect.refused(client.asEditor(Request.of("DELETE", "/api/content/v1/data/" + Fixtures.DATA_NAME
                        + "?version=%7B%22%24gt%22%3A0%7D")))));
        cases.add(HostileCase.of(Category.NOSQL_OPERATORS, "a write whose token is {\"$ne\":\"\"}",
                client -> Expect.refused(client.send(Request.of("POST", "/api/directory/v1/organisations")
                        .header("Authorization", "Bearer {\"$ne\":\"\"}").json("{}")))));
        return cases;
    }

    /** A record looked up by a key that is an operator: found nowhere (4xx), never another record. */
    private static List<HostileCase> inPaths(Secrets s) {
        List<HostileCase> cases = new ArrayList<>();
        for (String op : OPERATORS) {
            String encoded = Payloads.encoded(op).replace("+", "%20");
            for (String target : List.of("/api/content/v1/pages/" + encoded, "/api/content/v1/pages/" + encoded + "/revisions",
                    "/api/content/v1/pages/" + encoded + "/revisions/1", "/api/content/v1/literature/" + encoded,
                    "/api/content/v1/data/" + encoded, "/api/content/v1/data/" + encoded + "/revisions",
                    "/api/directory/v1/organisations/" + encoded, "/api/directory/v1/organisations/slug/" + encoded,
                    "/api/directory/v1/people/" + encoded, "/api/directory/v1/people/slug/" + encoded,
                    "/api/content/v1/pages?lang=en&path=" + encoded, "/api/content/v1/pages/translations?key=" + encoded,
                    "/publisher/" + encoded, "/literature/" + encoded)) {
                cases.add(HostileCase.of(Category.NOSQL_OPERATORS, "GET " + target, client ->
                        DraftCases.refusedOrEmpty(client.send(Request.get(target)))));
            }
        }
        // The draft by an operator on its id, through the revision history.
        for (String target : List.of("/api/content/v1/pages/" + s.draftPageId() + "/revisions/%7B%22%24gt%22%3A0%7D",
                "/api/content/v1/pages/" + s.draftPageId() + "?status[$ne]=published")) {
            cases.add(HostileCase.of(Category.NOSQL_OPERATORS, "GET " + target.replace(s.draftPageId(), "{draft id}"),
                    client -> DraftCases.refusedOrEmpty(client.send(Request.get(target)))));
        }
        return cases;
    }

    /**
     * Operators in query parameters (bracket syntax and JSON): the parameter is ignored or refused, so the answer
     * lists no more than the same listing without it, and no draft.
     */
    private static List<HostileCase> inParameters() {
        List<HostileCase> cases = new ArrayList<>();
        List<String[]> listings = List.of(
                new String[] { "/api/content/v1/pages?lang=en&limit=1000", "status[$ne]=published" },
                new String[] { "/api/content/v1/pages?lang=en&limit=1000", "status=%7B%22%24ne%22%3A%22published%22%7D" },
                new String[] { "/api/content/v1/pages?lang=en&limit=1000", "q[$regex]=.*" },
                new String[] { "/api/content/v1/pages?lang=en&limit=1000", "drafts[$ne]=false" },
                new String[] { "/api/content/v1/pages?lang=en&limit=1000", "kind[$in][]=post&kind[$in][]=page" },
                new String[] { "/api/content/v1/posts?lang=en&limit=1000", "status[$ne]=published" },
                new String[] { "/api/content/v1/posts?lang=en&limit=1000", "category=%7B%22%24ne%22%3A%22x%22%7D" },
                new String[] { "/api/content/v1/literature?limit=1000", "literatureType[$ne]=JOURNAL" },
                new String[] { "/api/content/v1/literature?limit=1000", "year=%7B%22%24gt%22%3A0%7D" },
                new String[] { "/api/directory/v1/people?limit=1000", "current[$ne]=true" },
                new String[] { "/api/directory/v1/people?limit=1000", "organisation=%7B%22%24ne%22%3Anull%7D" },
                new String[] { "/api/directory/v1/organisations?limit=1000", "role=%7B%22%24ne%22%3A%22MEMBER%22%7D" },
                new String[] { "/api/directory/v1/organisations?limit=1000", "country[$ne]=BE" });
        for (String[] listing : listings) {
            String target = listing[0] + "&" + listing[1];
            cases.add(HostileCase.of(Category.NOSQL_OPERATORS, "GET " + target, client -> {
                Answer plain = client.send(Request.get(listing[0]));
                assertThat(plain.status()).as("the listing without the operator: %s", plain).isEqualTo(200);
                Answer answer = Expect.answered(client.send(Request.get(target)));
                DraftCases.listsNoDraft(answer);
                if (answer.status() == 200) {
                    assertThat(count(answer)).as("records listed with %s", listing[1]).isLessThanOrEqualTo(count(plain));
                }
            }));
        }
        return cases;
    }

    private static long count(Answer answer) {
        return ((Number) JsonPath.read(answer.text(), "$.count")).longValue();
    }
}
