package be.biodiversity.portal.system.hostile;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page, a data file, an organisation and a person of the suite's own, written with the editor token before the
 * cases run: the writes that should be refused aim at these, so a write that gets through harms no other test.
 */
record Fixtures(String pageId, long pageVersion, long dataVersion, String organisationKey, String personKey) {

    static final String DATA_NAME = "hostile-fixture";

    static Fixtures create(Client editor) throws Exception {
        Answer page = created(editor.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                {"lang":"en","permalink":"/hostile/fixture","translationKey":"hostile-fixture",
                 "title":"Hostile-input fixture","body":"The page the hostile-input suite aims its writes at."}""")));
        Answer data = created(editor.asEditor(Request.of("PUT", "/api/content/v1/data/" + DATA_NAME)
                .json("{\"source\":\"fixture: true\\n\"}")));
        Answer organisation = created(editor.asEditor(Request.of("POST", "/api/directory/v1/organisations").json("""
                {"slug":"hostile-fixture","names":{"en":"Hostile-input fixture"},"roles":["PUBLISHER"],"type":"OTHER"}""")));
        Answer person = created(editor.asEditor(Request.of("POST", "/api/directory/v1/people").json("""
                {"slug":"hostile-fixture","name":"Hostile-input fixture","categories":["CONTACT"]}""")));
        return new Fixtures(JsonPath.read(page.text(), "$.id"), version(page), version(data),
                JsonPath.read(organisation.text(), "$.key"), JsonPath.read(person.text(), "$.key"));
    }

    private static Answer created(Answer answer) {
        assertThat(answer.status()).as("fixture written: %s", answer).isEqualTo(201);
        return answer;
    }

    private static long version(Answer answer) {
        return ((Number) JsonPath.read(answer.text(), "$.version")).longValue();
    }
}
