package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Odd values in every parameter of every API and search page, without credentials (issue #18, finding 6): none may
 * give a server error (a 400 naming the parameter, or an answer), and paging tells the truth: an offset past the end
 * lists nothing and says {@code endOfRecords: true}, however large it is.
 */
final class ParameterCases {

    /** Each API listing, ending so that a parameter can follow. */
    private static final List<String> LISTINGS = List.of("/api/content/v1/pages?", "/api/content/v1/pages?lang=en&",
            "/api/content/v1/posts?", "/api/content/v1/literature?", "/api/directory/v1/organisations?",
            "/api/directory/v1/people?");

    /** Values no parameter means, for every parameter an API takes. */
    private static final List<String> ODD_VALUES = List.of("2147483647", "99999999999999999999", "%00", "1e400",
            "%EF%BF%BF", "a".repeat(3000), "%25", "-0");

    /** The parameters of each listing (its README). */
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "/api/content/v1/pages?", List.of("lang", "kind", "layout", "category", "year", "q", "status", "sort",
                    "offset", "limit", "drafts"),
            "/api/content/v1/pages?lang=en&", List.of("kind", "category", "year", "q", "status", "sort", "offset"),
            "/api/content/v1/posts?", List.of("lang", "category", "year", "q", "status", "sort", "offset", "limit"),
            "/api/content/v1/literature?", List.of("q", "year", "literatureType", "topics", "countriesOfCoverage",
                    "countriesOfResearcher", "openAccess", "peerReview", "offset", "limit"),
            "/api/directory/v1/organisations?", List.of("q", "role", "type", "country", "endorsed", "sort", "facet",
                    "offset", "limit"),
            "/api/directory/v1/people?", List.of("category", "current", "organisation", "offset", "limit"));

    private ParameterCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        cases.addAll(noServerErrors());
        cases.addAll(honestPaging());
        return cases;
    }

    private static List<HostileCase> noServerErrors() {
        List<HostileCase> cases = new ArrayList<>();
        // The reported ones first, then every parameter of every listing with every odd value, one case per listing
        // and value (the parameters of a case go one request each).
        for (String target : List.of("/api/content/v1/pages?year=2147483647", "/api/content/v1/pages?q=%00",
                "/api/content/v1/posts?year=2147483647", "/api/content/v1/posts?q=%00", "/api/content/v1/pages?year=-2147483648",
                "/api/content/v1/pages?year=0", "/api/content/v1/pages?year=10000", "/api/content/v1/literature?year=2147483647",
                "/api/content/v1/literature?year=1900,2147483647", "/api/content/v1/literature?year=*,*",
                "/api/content/v1/literature?year=2000,1900", "/api/content/v1/literature?q=%00",
                "/api/content/v1/pages/translations?key=%00", "/api/content/v1/pages/translations?key=" + "k".repeat(3000),
                "/api/content/v1/pages/translations", "/api/content/v1/data/navigation?lang=%00",
                "/api/content/v1/data/navigation?lang=" + "x".repeat(3000), "/api/content/v1/revision?x=%00",
                "/api/content/v1/changes?since=-1", "/api/content/v1/changes?since=abc", "/api/content/v1/changes?since=%00",
                "/api/content/v1/changes?since=99999999999999999999", "/api/content/v1/changes?since=9223372036854775807",
                "/api/content/v1/changes", "/api/content/v1/pages?lang=en&path=%00", "/api/content/v1/pages?lang=%00&path=/",
                "/api/content/v1/pages?lang=en&path=" + "/a".repeat(1500), "/api/content/v1/pages?lang=en&path=",
                "/api/content/v1/pages/" + "a".repeat(3000), "/api/content/v1/pages/" + "a".repeat(3000) + "/revisions",
                "/api/content/v1/pages/x/revisions/99999999999999999999", "/api/content/v1/pages/x/revisions/-1",
                "/api/content/v1/literature/" + "l".repeat(3000), "/api/content/v1/literature/%00",
                "/api/content/v1/data/" + "d".repeat(3000), "/api/content/v1/data/%00",
                "/api/directory/v1/organisations/" + "o".repeat(3000), "/api/directory/v1/organisations/slug/" + "s".repeat(3000),
                "/api/directory/v1/people/%00", "/api/directory/v1/people/slug/" + "s".repeat(3000),
                "/api/directory/v1/organisations?q=" + "q".repeat(201), "/api/directory/v1/organisations?facet=role&facet=role&facet=role",
                "/api/content/v1/openapi?x=%00", "/literature/search?year=2147483647", "/literature/search?year=%00",
                "/literature/search?offset=9223372036854775807", "/literature/search?offset=-9223372036854775809",
                "/publisher/search?offset=9223372036854775807", "/publisher/search?q=%00", "/nl/news?offset=9223372036854775807",
                "/nl/news?offset=99999999999999999999999", "/nl/news?page=9223372036854775807", "/nl/news?page=-1",
                "/nl/news?page=99999999999999999999999", "/sitemap-99999999999.xml", "/news?category=%00", "/literature/" + "l".repeat(3000),
                "/publisher/" + "p".repeat(3000), "/feed.xml?x=%00", "/sitemap.xml?offset=-1")) {
            cases.add(HostileCase.of(Category.PARAMETER_VALIDATION, "GET " + shown(target),
                    client -> Expect.safePage(client.send(Request.get(target)))));
        }
        for (String listing : LISTINGS) {
            for (String value : ODD_VALUES) {
                cases.add(HostileCase.of(Category.PARAMETER_VALIDATION, "GET " + listing + "{each parameter}=" + shown(value),
                        client -> {
                            for (String parameter : PARAMETERS.get(listing)) {
                                Answer answer = client.send(Request.get(listing + parameter + "=" + value));
                                assertThat(answer.status()).as("%s=%s: %s", parameter, shown(value), answer)
                                        .isBetween(200, 499);
                                if (answer.status() == 400) {
                                    assertThat(answer.header("content-type")).as("the 400 of %s", parameter)
                                            .hasValueSatisfying(t -> assertThat(t).contains("json"));
                                }
                            }
                        }));
            }
        }
        return cases;
    }

    /**
     * Every API listing: one record before the end says {@code endOfRecords: true}, one page past the end and huge
     * offsets list nothing and say so too (or are refused); the first page of a longer list says false.
     */
    private static List<HostileCase> honestPaging() {
        List<HostileCase> cases = new ArrayList<>();
        for (String listing : LISTINGS) {
            cases.add(HostileCase.of(Category.PARAMETER_VALIDATION, "endOfRecords is honest on " + listing.replaceAll("[?&]$", ""),
                    client -> {
                        Answer first = client.send(Request.get(listing + "limit=1"));
                        assertThat(first.status()).as("%s", first).isEqualTo(200);
                        long count = ((Number) JsonPath.read(first.text(), "$.count")).longValue();
                        boolean end = JsonPath.read(first.text(), "$.endOfRecords");
                        assertThat(end).as("endOfRecords of the first of %d", count).isEqualTo(count <= 1);
                        if (count > 0) {
                            Answer last = client.send(Request.get(listing + "limit=1&offset=" + (count - 1)));
                            assertThat(JsonPath.<List<Object>>read(last.text(), "$.results")).as("the last record").hasSize(1);
                            assertThat(JsonPath.<Boolean>read(last.text(), "$.endOfRecords")).as("endOfRecords of the last record").isTrue();
                        }
                        for (String offset : List.of(String.valueOf(count), String.valueOf(count + 1000), "2147483647",
                                "2147483648", "4611686018427387904", "9223372036854775806", "9223372036854775807")) {
                            Answer past = Expect.answered(client.send(Request.get(listing + "limit=20&offset=" + offset)));
                            if (past.status() == 200) {
                                assertThat(JsonPath.<List<Object>>read(past.text(), "$.results")).as("results at offset %s", offset).isEmpty();
                                assertThat(JsonPath.<Boolean>read(past.text(), "$.endOfRecords")).as("endOfRecords at offset %s", offset).isTrue();
                            }
                            else {
                                Expect.refused(past);
                            }
                        }
                    }));
        }
        return cases;
    }

    private static String shown(String text) {
        return text.length() > 60 ? text.substring(0, 20) + "…(" + text.length() + " chars)" : text;
    }
}
