package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's page cache under attack (issue #18, finding 1). Junk spellings of a page never answer 200 (a 301 to
 * the canonical path, or a 4xx) and add no cache entry; after a flood of some 2,000 distinct cacheable URLs, a page
 * first visited afterwards is still cached (a hit within its first few requests), so caching and stale-if-error are
 * not switched off for it.
 */
final class PageCacheCases {

    /** Distinct URLs of the flood: more than the cache's default 2,000 entries. */
    static final int FLOOD = 2_100;

    private PageCacheCases() {
    }

    static List<HostileCase> spellings() {
        List<HostileCase> cases = new ArrayList<>();
        List<String[]> spellings = new ArrayList<>();
        for (String junk : List.of("/%6El/community", "/nl/%63ommunity", "/nl/communit%79", "/%6E%6C/%63%6F%6D%6D%75%6E%69%74%79",
                "/nl/community%20", "/nl/community%0B", "/nl/community%09", "/nl/community%00", "/nl/community%0D%0A",
                "/nl/community%C2%A0", "/nl/community%E2%80%8B", "/nl/community%2F", "/nl%2Fcommunity", "/./nl/community",
                "/nl/./community", "/nl/community/.", "/nl/community/./", "/nl/x/../community", "/nl/%2e/community",
                "/nl/community;x", "/nl;x/community", "/nl/community;jsessionid=1", "/nl/COMMUNITY", "/NL/community",
                "/nl/community.", "/nl/community%2e", "/nl/community%252e", "/nl/community%5C", "/nl/community\\",
                "/nl/%63ommunity?x=1")) {
            spellings.add(new String[] { junk, "/nl/community" });
        }
        for (String junk : List.of("/%63ommunity", "/community%20", "/community%0B", "/./community", "/community;a=b")) {
            spellings.add(new String[] { junk, "/community" });
        }
        for (String junk : List.of("/hostile/%66ixture", "/hostile/fixture%0B", "/hostile//fixture/.")) {
            spellings.add(new String[] { junk, "/hostile/fixture" });
        }
        for (String junk : List.of("/%2E", "/./", "/%2e/", "/;x")) {
            spellings.add(new String[] { junk, "/" });
        }
        for (String[] spelling : spellings) {
            cases.add(HostileCase.of(Category.PATH_SPELLINGS, "GET " + spelling[0] + " is no second copy of " + spelling[1],
                    client -> {
                        Answer answer = Expect.answered(client.send(Request.get(spelling[0])));
                        assertThat(answer.status()).as("%s answered %s", spelling[0], answer).isNotEqualTo(200);
                        canonicalIsClean(answer);
                        // A redirect leads (in at most three steps) to the canonical path, or ends in a 4xx.
                        String at = spelling[0];
                        for (int hop = 0; hop < 3 && answer.status() >= 300 && answer.status() < 400; hop++) {
                            Expect.staysOnSite(answer);
                            String location = answer.header("location").orElseThrow();
                            at = path(location) + (location.contains("?") ? location.substring(location.indexOf('?')) : "");
                            answer = Expect.answered(client.send(Request.get(at)));
                            canonicalIsClean(answer);
                        }
                        if (answer.status() == 200) {
                            assertThat(path(at)).as("where %s leads", spelling[0]).isEqualTo(spelling[1]);
                        }
                        else {
                            Expect.refused(answer);
                        }
                    }));
        }
        return cases;
    }

    static List<HostileCase> flood(GatewayMetrics metrics) {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(HostileCase.of(Category.CACHE_FLOOD, "300 junk spellings of a page add no entry to the cache", client -> {
            double before = metrics.entries();
            for (int i = 1; i <= 300; i++) {
                Expect.answered(client.another().send(Request.get(junkSpelling("/nl/community", i))));
            }
            assertThat(metrics.entries() - before).as("cache entries added by 300 spellings of one page").isLessThanOrEqualTo(5);
        }));
        cases.add(HostileCase.writing(Category.CACHE_FLOOD, "after a flood of " + FLOOD + " cacheable URLs a page visited "
                + "afterwards is cached", client -> {
                    Answer created = client.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                            {"lang":"en","permalink":"/hostile/after-flood","title":"After the flood",
                             "body":"A page first visited after a flood of junk."}"""));
                    assertThat(created.status()).as("%s", created).isEqualTo(201);
                    flood(client, FLOOD);
                    assertThat(hitWithinFourRequests(client, metrics, "/hostile/after-flood"))
                            .as("a cache hit among the first four requests of a page visited after the flood").isTrue();
                }));
        return cases;
    }

    /** Some 2,000 distinct URLs of cacheable answers (assets and pages with a query), each from an address of its own. */
    static void flood(Client client, int urls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                workers.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < urls;) {
                        String target = switch (i % 4) {
                            case 0 -> "/nl/community?flood=" + i;
                            case 1 -> junkSpelling("/fr/community", 1 + i / 4) + "?flood=" + i;
                            default -> "/assets/portal/site.css?flood=" + i;
                        };
                        try {
                            client.another().send(Request.get(target));
                        }
                        catch (Exception ex) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(failed.get()).as("flood requests that got no answer").isLessThan(urls / 100);
    }

    /** Whether the cache answered {@code target} from a copy (hit or wait) within four requests in a row. */
    static boolean hitWithinFourRequests(Client client, GatewayMetrics metrics, String target) throws Exception {
        for (int i = 0; i < 4; i++) {
            double hits = metrics.requests("hit") + metrics.requests("wait");
            Answer answer = client.send(Request.get(target));
            assertThat(answer.status()).as("request %d of %s: %s", i, target, answer).isEqualTo(200);
            if (metrics.requests("hit") + metrics.requests("wait") > hits) {
                return true;
            }
        }
        return false;
    }

    /** The {@code n}-th spelling of {@code path} with some of its letters percent-encoded ({@code n} ≥ 1). */
    static String junkSpelling(String path, int n) {
        StringBuilder junk = new StringBuilder();
        int bit = 0;
        for (char c : path.toCharArray()) {
            if (Character.isLetter(c) && bit < 31) {
                junk.append((n >> bit & 1) == 1 ? "%" + Integer.toHexString(c).toUpperCase() : String.valueOf(c));
                bit++;
            }
            else {
                junk.append(c);
            }
        }
        return junk.toString();
    }

    private static String path(String location) {
        String plain = location.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        int query = plain.indexOf('?');
        return query < 0 ? plain : plain.substring(0, query);
    }

    /** A canonical link, if the answer has one, names a clean path: no control character, no escaped one. */
    private static void canonicalIsClean(Answer answer) {
        if (!answer.isHtml()) {
            return;
        }
        for (Element link : Jsoup.parse(answer.text()).select("link[rel=canonical]")) {
            String href = link.attr("href");
            assertThat(href).as("canonical link").doesNotContainPattern("[\\x00-\\x20\\x7f]")
                    .doesNotContainIgnoringCase("%0b").doesNotContainIgnoringCase("%09").doesNotContainIgnoringCase("%20")
                    .doesNotContainIgnoringCase("%00").doesNotContain(";").doesNotContain("/./");
        }
    }
}
