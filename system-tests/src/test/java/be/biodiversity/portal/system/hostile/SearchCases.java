package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * What visitors can type into a search or a URL: patterns that would take a regular-expression engine
 * exponential time if the text reached one, parameters no one expects, and page sizes and offsets out of range.
 */
final class SearchCases {

    /** The searches of the APIs and of the pages, each ending so that a parameter can follow. */
    private static final List<String> SEARCHES = List.of("/api/directory/v1/organisations?", "/api/content/v1/pages?",
            "/api/content/v1/posts?", "/api/content/v1/literature?", "/publisher/search?", "/nl/literature/search?");

    /** The listings that take an offset (and, the APIs, a limit). */
    private static final List<String> LISTINGS = List.of("/api/directory/v1/organisations?",
            "/api/directory/v1/people?", "/api/content/v1/pages?", "/api/content/v1/posts?",
            "/api/content/v1/literature?", "/publisher/search?", "/literature/search?", "/nl/news?");

    private SearchCases() {
    }

    static List<HostileCase> regexBombs() {
        List<String> patterns = List.of("(a+)+$", "(a|aa)+b" + "a".repeat(40) + "!", "^(([a-z])+.)+[A-Z]([a-z])+$",
                ".*".repeat(99), "[", "(((((((((((", "\\", "a{1000000}", "(?<=a)|(?=b)|\\p{Zz}|\\Q", "a".repeat(190) + "!",
                ".*".repeat(5000));
        List<HostileCase> cases = new ArrayList<>();
        for (String search : SEARCHES) {
            for (String pattern : patterns) {
                String target = search + "q=" + Payloads.encoded(pattern);
                String shown = pattern.length() > 40 ? pattern.substring(0, 20) + "…(" + pattern.length() + " chars)" : pattern;
                cases.add(HostileCase.of(Category.REGEX_BOMB, search.replace("?", "") + " q=" + shown,
                        client -> Expect.safePage(client.send(Request.get(target)), pattern)));
            }
        }
        return cases;
    }

    static List<HostileCase> unknownAndRepeated() {
        List<String> queries = List.of("foo=bar&__proto__[x]=1&constructor=1", "limit=5&limit=5000",
                "offset=0&offset=-1&offset=x", "q=a&q=" + Payloads.encoded(Payloads.SCRIPT), "lang=en&lang=xx&lang=",
                "role=MEMBER&role=NOPE&type=&country=&sort=sort", "=&&&=x&%00=%00");
        List<HostileCase> cases = new ArrayList<>();
        // MongoDB operators where a value is expected: a value they stay
        for (String target : List.of("/api/content/v1/pages?lang=en&path[$ne]=x", "/api/content/v1/pages?lang[$ne]=x&limit=1",
                "/api/directory/v1/organisations/slug/%7B%22%24ne%22%3Anull%7D", "/api/directory/v1/people?category[$gt]=",
                "/api/content/v1/literature/%7B%22%24gt%22%3A%22%22%7D", "/api/content/v1/data/%24where?lang=%7B%22%24ne%22%3A1%7D")) {
            cases.add(HostileCase.of(Category.QUERY_PARAMETERS, "GET " + target,
                    client -> Expect.answered(client.send(Request.get(target)))));
        }
        // values a listing does not know: named in a 400, not quietly replaced by a default
        for (String target : List.of("/api/content/v1/pages?sort=%24natural", "/api/content/v1/posts?status=hidden",
                "/api/directory/v1/organisations?sort=%24natural", "/api/directory/v1/organisations?facet=__proto__",
                "/api/content/v1/literature?literatureType=%3Cscript%3E")) {
            cases.add(HostileCase.of(Category.QUERY_PARAMETERS, "GET " + target,
                    client -> Expect.refused(client.send(Request.get(target)))));
        }
        for (String listing : LISTINGS) {
            for (String query : queries) {
                cases.add(HostileCase.of(Category.QUERY_PARAMETERS, "GET " + listing + query,
                        client -> Expect.safePage(client.send(Request.get(listing + query)), Payloads.SCRIPT)));
            }
        }
        return cases;
    }

    static List<HostileCase> paging() {
        List<String> refusedByApis = List.of("limit=-1", "limit=1001", "limit=2147483648", "limit=abc", "limit=1.5",
                "offset=-1", "offset=abc", "offset=9223372036854775808", "offset=1e3");
        List<String> answered = List.of("limit=0x10", "offset=9223372036854775807", "offset=2147483647&limit=1000", "limit=", "offset=");
        List<HostileCase> cases = new ArrayList<>();
        for (String listing : LISTINGS) {
            boolean api = listing.startsWith("/api/");
            for (String query : refusedByApis) {
                cases.add(HostileCase.of(Category.PAGING, "GET " + listing + query, client -> {
                    Answer answer = client.send(Request.get(listing + query));
                    if (api) {
                        Expect.refused(answer);
                    }
                    else {
                        Expect.safePage(answer);
                    }
                }));
            }
            for (String query : answered) {
                cases.add(HostileCase.of(Category.PAGING, "GET " + listing + query,
                        client -> Expect.safePage(client.send(Request.get(listing + query)))));
            }
        }
        return cases;
    }
}
