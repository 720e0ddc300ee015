package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

/** Visitors' input that the pages show again: the search text, filters, offsets, unknown paths. */
final class ReflectedXssCases {

    private ReflectedXssCases() {
    }

    static List<HostileCase> all() {
        List<String> targets = new ArrayList<>();
        for (String payload : List.of(Payloads.SCRIPT, Payloads.IMG, Payloads.SVG, Payloads.ATTRIBUTE, Payloads.TITLE)) {
            targets.add("/publisher/search?q=" + Payloads.encoded(payload));
            targets.add("/nl/literature/search?q=" + Payloads.encoded(payload));
        }
        targets.addAll(List.of(
                "/fr/publisher/search?q=" + Payloads.encoded(Payloads.URL) + "&offset=20",
                "/publisher/search?role=" + Payloads.encoded(Payloads.SCRIPT),
                "/publisher/search?country=" + Payloads.encoded(Payloads.IMG),
                "/publisher/search?q=a&offset=" + Payloads.encoded(Payloads.ATTRIBUTE),
                "/literature/search?year=" + Payloads.encoded(Payloads.IMG),
                "/literature/search?topics=" + Payloads.encoded(Payloads.SVG),
                "/literature/search?q=x&" + Payloads.encoded(Payloads.IMG) + "=1",
                "/nl/news?category=" + Payloads.encoded(Payloads.SCRIPT),
                "/nl/" + Payloads.encoded(Payloads.SCRIPT).replace("+", "%20"),
                "/nl/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "/publisher/" + Payloads.encoded(Payloads.IMG).replace("+", "%20"),
                "/literature/" + Payloads.encoded(Payloads.SVG).replace("+", "%20"),
                "/nl/community?" + Payloads.encoded(Payloads.TITLE)));
        List<HostileCase> cases = new ArrayList<>();
        for (String target : targets) {
            cases.add(HostileCase.of(Category.REFLECTED_XSS, "GET " + target,
                    client -> Expect.safePage(client.send(Request.get(target)), Payloads.all())));
        }
        return cases;
    }
}
