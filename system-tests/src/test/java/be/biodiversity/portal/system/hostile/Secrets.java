package be.biodiversity.portal.system.hostile;

import java.util.List;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only editors may read, written with the editor token before the cases run: a draft page, a draft post, a
 * draft translation of a published page, a page published once and then taken back to draft with new text, and a
 * person with an e-mail address. Their text carries {@link #DRAFT_MARK} (capitalised; the cases search for it in
 * lower case, so a search box that shows the query is not mistaken for a leak) and the person {@link #EMAIL}: no
 * answer to a visitor without the token may hold either ({@link Leaks}, checked on every answer).
 */
record Secrets(String draftPageId, String draftPostId, String draftTranslationId, String unpublishedId,
        String personKey, String personSlug) {

    static final String DRAFT_MARK = "Zqdraftmark";
    static final String EMAIL = "zq-staff-secret@example.org";
    static final List<String> MARKS = List.of(DRAFT_MARK, EMAIL);

    static final String DRAFT_PATH = "/hostile/secret-draft";
    static final String DRAFT_POST_PATH = "/hostile/secret-post";
    static final String DRAFT_TRANSLATION_PATH = "/nl/hostile/geheime-vertaling";
    static final String UNPUBLISHED_PATH = "/hostile/was-public";

    static Secrets create(Client editor) throws Exception {
        String page = id(editor.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                {"lang":"en","permalink":"%s","translationKey":"hostile-secret-draft","title":"Zqdraftmark page",
                 "description":"Zqdraftmark description","body":"Zqdraftmark body of a draft.","status":"draft"}"""
                .formatted(DRAFT_PATH))));
        String post = id(editor.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                {"lang":"en","permalink":"%s","title":"Zqdraftmark post","kind":"post","date":"2026-01-02T10:00:00Z",
                 "categories":["hostile"],"description":"Zqdraftmark teaser","body":"Zqdraftmark post body.",
                 "status":"draft"}""".formatted(DRAFT_POST_PATH))));
        String translation = id(editor.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                {"lang":"nl","permalink":"%s","translationKey":"hostile-fixture","title":"Zqdraftmark vertaling",
                 "body":"Zqdraftmark tekst van een ontwerp.","status":"draft"}""".formatted(DRAFT_TRANSLATION_PATH))));
        Answer once = created(editor.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                {"lang":"en","permalink":"%s","title":"Was public","body":"Public text once."}"""
                .formatted(UNPUBLISHED_PATH))));
        String unpublished = JsonPath.read(once.text(), "$.id");
        long version = ((Number) JsonPath.read(once.text(), "$.version")).longValue();
        Answer back = editor.asEditor(Request.of("PUT", "/api/content/v1/pages/" + unpublished + "?version=" + version)
                .json("""
                        {"lang":"en","permalink":"%s","title":"Zqdraftmark unpublished",
                         "body":"Zqdraftmark text written after unpublishing.","status":"draft"}"""
                        .formatted(UNPUBLISHED_PATH)));
        assertThat(back.status()).as("page taken back to draft: %s", back).isEqualTo(200);
        Answer person = created(editor.asEditor(Request.of("POST", "/api/directory/v1/people").json("""
                {"slug":"hostile-secret-mail","name":"Hostile mail fixture","categories":["NODE_STAFF"],
                 "roles":["Keeps a secret"],"email":"%s"}""".formatted(EMAIL))));
        return new Secrets(page, post, translation, unpublished, JsonPath.read(person.text(), "$.key"),
                "hostile-secret-mail");
    }

    private static String id(Answer answer) {
        return JsonPath.read(created(answer).text(), "$.id");
    }

    private static Answer created(Answer answer) {
        assertThat(answer.status()).as("secret fixture written: %s", answer).isEqualTo(201);
        return answer;
    }
}
