package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page removed on purpose never comes back (issue #18, finding 2): deleted, taken back to draft, or moved by a
 * permalink change, after it was read (so every cache layer holds it). Its old path stops answering 200 within the
 * portal's freshness promise (an edit is visible within about a second) and then never answers it again, in any
 * spelling, and its text is gone from every API read. (The same while content-service is down: {@code OutageIT}.)
 */
final class RemovedPageCases {

    /** The portal's promise: an edit is visible through the gateway within about 0.9 s; some slack on a busy machine. */
    private static final long GONE_WITHIN_MILLIS = 3000;

    private RemovedPageCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(HostileCase.writing(Category.REMOVED_PAGES, "a deleted page is gone and stays gone", client -> {
            Created page = create(client, "/hostile/removed-delete", "page", "Removedmark deleted page text.");
            Answer deleted = client.asEditor(Request.of("DELETE", "/api/content/v1/pages/" + page.id + "?version=" + page.version));
            assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
            staysGone(client, page.path, "Removedmark deleted page text.");
        }));
        cases.add(HostileCase.writing(Category.REMOVED_PAGES, "a page taken back to draft is gone and stays gone", client -> {
            Created page = create(client, "/hostile/removed-draft", "page", "Removedmark unpublished page text.");
            Answer back = client.asEditor(Request.of("PUT", "/api/content/v1/pages/" + page.id + "?version=" + page.version)
                    .json("{\"lang\":\"en\",\"permalink\":\"/hostile/removed-draft\",\"title\":\"" + Secrets.DRAFT_MARK
                            + " again\",\"body\":\"" + Secrets.DRAFT_MARK + " draft text.\",\"status\":\"draft\"}"));
            assertThat(back.status()).as("%s", back).isEqualTo(200);
            staysGone(client, page.path, "Removedmark unpublished page text.");
        }));
        cases.add(HostileCase.writing(Category.REMOVED_PAGES, "a page moved to another permalink leaves its old path", client -> {
            Created page = create(client, "/hostile/removed-moved", "page", "Removedmark moved page text.");
            Answer moved = client.asEditor(Request.of("PUT", "/api/content/v1/pages/" + page.id + "?version=" + page.version)
                    .json("{\"lang\":\"en\",\"permalink\":\"/hostile/removed-moved-here\",\"title\":\"Moved\","
                            + "\"body\":\"Removedmark moved page text.\"}"));
            assertThat(moved.status()).as("%s", moved).isEqualTo(200);
            staysGone(client, page.path, "Removedmark moved page text.");
            assertThat(client.send(Request.get("/hostile/removed-moved-here")).status()).as("the new path").isEqualTo(200);
        }));
        cases.add(HostileCase.writing(Category.REMOVED_PAGES, "a deleted post leaves the feed and the news archive", client -> {
            Created post = create(client, "/hostile/removed-post", "post", "Removedmark deleted post text.");
            assertThat(within(client, "/feed.xml", text -> text.contains("/hostile/removed-post")))
                    .as("the feed lists the new post").isTrue();
            Answer deleted = client.asEditor(Request.of("DELETE", "/api/content/v1/pages/" + post.id + "?version=" + post.version));
            assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
            staysGone(client, post.path, "Removedmark deleted post text.");
            for (String listing : List.of("/feed.xml", "/news", "/sitemap.xml", "/api/content/v1/posts?limit=1000")) {
                assertThat(within(client, listing, text -> !text.contains("/hostile/removed-post")))
                        .as("%s drops the deleted post", listing).isTrue();
                for (int i = 0; i < 3; i++) {
                    assertThat(client.send(Request.get(listing)).text()).as("%s again", listing)
                            .doesNotContain("/hostile/removed-post");
                }
            }
        }));
        return cases;
    }

    private static Created create(Client client, String path, String kind, String text) throws Exception {
        Answer created = client.asEditor(Request.of("POST", "/api/content/v1/pages").json("{\"lang\":\"en\",\"permalink\":\""
                + path + "\",\"title\":\"Removed\",\"kind\":\"" + kind + "\",\"date\":\"2026-01-05T00:00:00Z\",\"body\":\""
                + text + "\"}"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        // Read so that render-service and the gateway keep copies (twice: some caches keep a page on its second read).
        for (int i = 0; i < 2; i++) {
            Answer page = client.send(Request.get(path));
            assertThat(page.status()).as("%s before removal", path).isEqualTo(200);
            assertThat(page.text()).contains(text);
        }
        return new Created(JsonPath.read(created.text(), "$.id"),
                ((Number) JsonPath.read(created.text(), "$.version")).longValue(), path);
    }

    /** Not 200 within the freshness promise, then never again, in any spelling or through the API. */
    private static void staysGone(Client client, String path, String text) throws Exception {
        long deadline = System.nanoTime() + GONE_WITHIN_MILLIS * 1_000_000;
        Answer answer = client.send(Request.get(path));
        while (answer.status() == 200 && System.nanoTime() < deadline) {
            answer = client.send(Request.get(path));
        }
        assertThat(answer.status()).as("%s %s ms after its removal: %s", path, GONE_WITHIN_MILLIS, answer).isNotEqualTo(200);
        for (String target : List.of(path, path, path + "/", path + "?x=1", path, path + "?utm_source=x")) {
            Answer again = Expect.answered(client.send(Request.get(target)));
            assertThat(again.status()).as("%s after it was gone: %s", target, again).isNotEqualTo(200);
            assertThat(again.text()).as("%s after it was gone", target).doesNotContain(text);
        }
        Answer head = client.send(Request.of("HEAD", path));
        assertThat(head.status()).as("HEAD %s", path).isNotEqualTo(200);
        Answer api = client.send(Request.get("/api/content/v1/pages?lang=en&path=" + path));
        assertThat(api.status()).as("the API by path").isEqualTo(404);
    }

    /** Whether {@code target} shows what {@code test} wants within the freshness promise. */
    static boolean within(Client client, String target, java.util.function.Predicate<String> test) throws Exception {
        long deadline = System.nanoTime() + GONE_WITHIN_MILLIS * 1_000_000;
        do {
            Answer answer = client.send(Request.get(target));
            if (answer.status() == 200 && test.test(answer.text())) {
                return true;
            }
        }
        while (System.nanoTime() < deadline);
        return false;
    }

    private record Created(String id, long version, String path) {
    }
}
