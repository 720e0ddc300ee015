package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read path to a draft, without the editor's token (issue #11, finding 3): by id, by path, its revision list
 * and revisions, searches, listings, translations, the rendered page, feeds, the sitemap and the change feed, also
 * with a wrong token or the wrong scheme. The text of a draft ({@link Secrets#DRAFT_MARK}) must never come back
 * ({@link Client} checks every answer); where a path names a draft, it must be refused or list nothing of it.
 */
final class DraftCases {

    /** Paths of pages that were never published: no public listing may name them. */
    private static final List<String> NEVER_PUBLISHED = List.of(Secrets.DRAFT_PATH, Secrets.DRAFT_POST_PATH,
            Secrets.DRAFT_TRANSLATION_PATH);

    /** Paths of pages that are drafts now (one was public once): no listing of public pages may name them. */
    private static final List<String> DRAFTS_NOW = List.of(Secrets.DRAFT_PATH, Secrets.DRAFT_POST_PATH,
            Secrets.DRAFT_TRANSLATION_PATH, Secrets.UNPUBLISHED_PATH);

    private DraftCases() {
    }

    static List<HostileCase> all(Secrets s) {
        List<HostileCase> cases = new ArrayList<>();
        // The control: the drafts exist and the editor reads them, so a check below can fail.
        cases.add(HostileCase.of(Category.DRAFTS, "the editor reads each draft (control)", client -> {
            for (String id : List.of(s.draftPageId(), s.draftPostId(), s.draftTranslationId(), s.unpublishedId())) {
                Answer answer = client.asEditor(Request.get("/api/content/v1/pages/" + id));
                assertThat(answer.status()).as("the editor's read of %s: %s", id, answer).isEqualTo(200);
                assertThat(answer.text()).contains(Secrets.DRAFT_MARK);
            }
        }));
        List<String> ids = List.of(s.draftPageId(), s.draftPostId(), s.draftTranslationId());
        for (String id : ids) {
            for (String target : List.of("/api/content/v1/pages/" + id, "/api/content/v1/pages/" + id + "?drafts=true",
                    "/api/content/v1/pages/" + id + "/", "/api/content/v1/pages/" + id + "/revisions",
                    "/api/content/v1/pages/" + id + "/revisions/", "/api/content/v1/pages/" + id + "/revisions/0",
                    "/api/content/v1/pages/" + id + "/revisions/1", "/api/content/v1/pages/" + id + "/revisions/2",
                    "/api/content/v1/pages/" + id + "/revisions/1/", "/api/content/v1/pages/" + id + "/revisions/01")) {
                cases.add(HostileCase.of(Category.DRAFTS, "GET " + target.replace(id, "{draft id}"),
                        client -> refusedOrEmpty(client.send(Request.get(target)))));
            }
        }
        // The page taken back to draft: its current text and its draft revision are drafts; the old published
        // revision may stay public (only the text written as a draft is checked, by every answer).
        String was = "/api/content/v1/pages/" + s.unpublishedId();
        for (String target : List.of(was, was + "?drafts=true", was + "/revisions", was + "/revisions/1",
                was + "/revisions/2", was + "/revisions/3")) {
            cases.add(HostileCase.of(Category.DRAFTS, "GET " + target.replace(s.unpublishedId(), "{unpublished id}"),
                    client -> Expect.answered(client.send(Request.get(target)))));
        }
        for (String[] byPath : new String[][] { { "en", Secrets.DRAFT_PATH }, { "en", Secrets.DRAFT_POST_PATH },
                { "nl", Secrets.DRAFT_TRANSLATION_PATH }, { "en", Secrets.UNPUBLISHED_PATH } }) {
            String base = "/api/content/v1/pages?lang=" + byPath[0] + "&path=" + byPath[1];
            for (String target : List.of(base, base + "&drafts=true", base + "&drafts=TRUE", base + "&drafts=1",
                    base + "&status=draft", base + "&status=any", base + "/", base + "&drafts=true&drafts=false")) {
                cases.add(HostileCase.of(Category.DRAFTS, "GET " + target,
                        client -> Expect.refused(client.send(Request.get(target)))));
            }
        }
        // Searches and listings: a draft is found by no one but an editor.
        for (String target : List.of("/api/content/v1/pages?q=zqdraftmark", "/api/content/v1/pages?q=zqdraftmark&status=draft",
                "/api/content/v1/pages?q=zqdraftmark&status=any", "/api/content/v1/pages?q=zqdraftmark&drafts=true",
                "/api/content/v1/pages?q=zqdraftmark&status=DRAFT", "/api/content/v1/pages?q=zqdraftmark&status=draft,published",
                "/api/content/v1/pages?q=zqdraftmark&status=published&status=draft", "/api/content/v1/pages?q=ZQDRAFTMARK&lang=nl",
                "/api/content/v1/pages?q=zqdraft", "/api/content/v1/pages?q=zqdr%C3%A2ftmark", "/api/content/v1/pages?q=z.*k",
                "/api/content/v1/posts?q=zqdraftmark", "/api/content/v1/posts?q=zqdraftmark&status=any",
                "/api/content/v1/posts?category=hostile", "/api/content/v1/posts?category=hostile&status=draft",
                "/api/content/v1/posts?year=2026&limit=1000", "/api/content/v1/posts?lang=en&sort=date&limit=1000",
                "/api/content/v1/pages?lang=en&limit=1000", "/api/content/v1/pages?lang=nl&limit=1000",
                "/api/content/v1/pages?kind=post&limit=1000", "/api/content/v1/pages?kind=page&sort=-date&limit=1000",
                "/api/content/v1/pages?status=draft&limit=1000", "/api/content/v1/pages?status=any&limit=1000",
                "/api/content/v1/pages?drafts=true&limit=1000", "/api/content/v1/pages?layout=page&limit=1000")) {
            cases.add(HostileCase.of(Category.DRAFTS, "GET " + target, client -> listsNoDraft(client.send(Request.get(target)))));
        }
        for (String target : List.of("/api/content/v1/pages/translations?key=hostile-secret-draft",
                "/api/content/v1/pages/translations?key=hostile-fixture")) {
            cases.add(HostileCase.of(Category.DRAFTS, "GET " + target, client -> listsNoDraft(client.send(Request.get(target)))));
        }
        cases.add(HostileCase.of(Category.DRAFTS, "GET /api/content/v1/changes?since=0 names no page never published",
                client -> {
                    Answer answer = Expect.answered(client.send(Request.get("/api/content/v1/changes?since=0")));
                    assertThat(answer.text()).as("the change feed").doesNotContain(NEVER_PUBLISHED);
                }));
        // The rendered pages: the drafts are not found, nor linked from a listing, a feed, the sitemap or a
        // language switch.
        for (String target : List.of(Secrets.DRAFT_PATH, Secrets.DRAFT_PATH + "?preview=1", Secrets.DRAFT_PATH + "?drafts=true",
                Secrets.DRAFT_POST_PATH, Secrets.DRAFT_TRANSLATION_PATH, Secrets.UNPUBLISHED_PATH,
                Secrets.UNPUBLISHED_PATH + "?x=1")) {
            cases.add(HostileCase.of(Category.DRAFTS, "GET " + target + " (the rendered page)", client -> {
                Answer answer = Expect.answered(client.send(Request.get(target)));
                assertThat(answer.status()).as("a draft rendered for a visitor: %s", answer).isNotEqualTo(200);
            }));
        }
        for (String target : List.of("/news", "/news?category=hostile", "/feed.xml", "/sitemap.xml", "/hostile/fixture",
                "/", "/nl/news")) {
            cases.add(HostileCase.of(Category.DRAFTS, "GET " + target + " links no draft", client -> {
                Answer answer = Expect.answered(client.send(Request.get(target)));
                assertThat(answer.text()).as("%s", target).doesNotContain(DRAFTS_NOW);
            }));
        }
        // A wrong token, the wrong scheme or a token in another place reads nothing more than no token.
        for (String[] header : new String[][] { { "Authorization", "Bearer wrong-token" }, { "Authorization", "Bearer" },
                { "Authorization", "Basic ZWRpdG9yOndyb25n" }, { "X-Editor", "editor" }, { "X-Editor-Token", "editor" },
                { "Cookie", "token=editor" } }) {
            for (String target : List.of("/api/content/v1/pages/" + s.draftPageId(),
                    "/api/content/v1/pages?lang=en&path=" + Secrets.DRAFT_PATH + "&drafts=true",
                    "/api/content/v1/pages?q=zqdraftmark&status=any")) {
                cases.add(HostileCase.of(Category.DRAFTS, "GET " + target.replace(s.draftPageId(), "{draft id}")
                        + " with " + header[0] + ": " + header[1], client -> refusedOrEmpty(client.send(
                                Request.get(target).header(header[0], header[1])))));
            }
        }
        return cases;
    }

    /** Refused (4xx), or a list that is empty: either way no draft (the text is checked by the client). */
    static void refusedOrEmpty(Answer answer) {
        Expect.answered(answer);
        if (answer.status() < 300) {
            Object json = JsonPath.read(answer.text(), "$");
            if (json instanceof List<?> list) {
                assertThat(list).as("a list of a draft's revisions: %s", answer).isEmpty();
            }
            else if (answer.text().contains("\"results\"")) {
                assertThat(JsonPath.<List<Object>>read(answer.text(), "$.results")).as("%s", answer).isEmpty();
            }
            else {
                throw new AssertionError("a draft answered to a visitor: " + answer);
            }
        }
    }

    /** Answered without a server error; whatever is listed is no draft. */
    static void listsNoDraft(Answer answer) {
        Expect.answered(answer);
        assertThat(answer.text()).as("a listing for a visitor").doesNotContain(DRAFTS_NOW);
    }
}
