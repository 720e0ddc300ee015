package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search pages that cost the portal more than they cost the visitor (issue #11, finding 7; issue #18, finding 7): a
 * filter repeated 170 times gives a page hardly bigger than with it once (values deduplicated and capped), and
 * uncached search pages spend a per-client budget, so one client cannot send thousands of them to the services,
 * while pages the cache answers stay free.
 */
final class AmplificationCases {

    private AmplificationCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        for (String[] search : new String[][] { { "/literature/search?", "countriesOfCoverage=BE" },
                { "/nl/literature/search?", "countriesOfCoverage=BE" }, { "/literature/search?", "literatureType=JOURNAL" },
                { "/literature/search?", "topics=BIODIVERSITY_SCIENCE" }, { "/literature/search?q=a&", "openAccess=true" },
                { "/publisher/search?", "country=BE" }, { "/publisher/search?", "role=MEMBER" }, { "/fr/publisher/search?", "type=NGO" } }) {
            cases.add(HostileCase.of(Category.AMPLIFICATION, search[0] + search[1] + " repeated 170 times", client -> {
                Answer once = Expect.answered(client.send(Request.get(search[0] + search[1])));
                String repeated = search[0] + String.join("&", java.util.Collections.nCopies(170, search[1]));
                Answer many = Expect.answered(client.another().send(Request.get(repeated)));
                assertThat(many.body().length).as("bytes with the filter 170 times (%s) against once (%s)", many.status(),
                        once.status()).isLessThanOrEqualTo(once.body().length * 3 / 2 + 4096);
            }));
        }
        cases.add(HostileCase.of(Category.AMPLIFICATION, "/literature/search with 170 different country codes", client -> {
            Answer once = Expect.answered(client.send(Request.get("/literature/search?countriesOfCoverage=BE")));
            StringBuilder query = new StringBuilder("/literature/search?countriesOfCoverage=BE");
            for (char a = 'A'; a <= 'Z' && query.length() < 4000; a++) {
                for (char b = 'A'; b <= 'G'; b++) {
                    query.append("&countriesOfCoverage=").append(a).append(b);
                }
            }
            Answer many = Expect.answered(client.another().send(Request.get(query.toString())));
            assertThat(many.body().length).as("bytes with 170 values (%s)", many.status())
                    .isLessThanOrEqualTo(once.body().length * 10);
        }));
        for (String search : List.of("/publisher/search?q=zz", "/nl/literature/search?q=zz")) {
            cases.add(HostileCase.of(Category.AMPLIFICATION, "unique " + search + "… pages from one client run into a budget; "
                    + "cached pages stay free", client -> {
                        int answered = 0;
                        Answer last = null;
                        for (int i = 0; i < 400; i++) {
                            last = Expect.answered(client.send(Request.get(search + Integer.toString(i, 36) + "x")));
                            if (last.status() == 429) {
                                break;
                            }
                            answered++;
                        }
                        assertThat(last.status()).as("after %d unique searches", answered).isEqualTo(429);
                        assertThat(last.header("retry-after")).as("Retry-After of the 429").isPresent();
                        // A page another visitor just had is answered from the cache, which costs no budget.
                        // (A URL with a query string is kept on its second request.)
                        String page = "/nl/community?warm=" + System.nanoTime();
                        Client other = client.another();
                        for (int i = 0; i < 2; i++) {
                            assertThat(other.send(Request.get(page)).status()).isEqualTo(200);
                        }
                        Answer cached = client.send(Request.get(page));
                        assertThat(cached.status()).as("a cached page for the throttled client: %s", cached).isEqualTo(200);
                    }));
        }
        return cases;
    }
}
