package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script stored through the APIs with the editor's token, then the pages that show it fetched: what is stored
 * may be anything, but it must never come back as markup. Each stored record carries a word of its own
 * ({@code Zqxj}, {@code Qzxw}), so a check also proves the page did show the record.
 */
final class StoredXssCases {

    private static final String ORGANISATION_WORD = "Zqxj";
    private static final String LITERATURE_WORD = "Qzxw";
    private static final String LITERATURE_ID = "hostile-xss-literature";

    private StoredXssCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        AtomicReference<String> organisation = new AtomicReference<>();
        cases.add(HostileCase.writing(Category.STORED_XSS, "an organisation whose names, acronym and descriptions are script",
                client -> organisation.set(JsonPath.read(created(client.asEditor(Request.of("POST",
                        "/api/directory/v1/organisations").json("{\"slug\":\"hostile-xss\",\"acronym\":"
                                + Payloads.json("<svg onload=alert(1)>") + ",\"names\":{\"en\":"
                                + Payloads.json(ORGANISATION_WORD + " " + Payloads.SCRIPT) + ",\"nl\":"
                                + Payloads.json(ORGANISATION_WORD + Payloads.IMG) + ",\"fr\":"
                                + Payloads.json(ORGANISATION_WORD + Payloads.ATTRIBUTE) + "},\"descriptions\":{\"en\":"
                                + Payloads.json(Payloads.LINK + " [x](javascript:alert(1)) " + Payloads.TITLE)
                                + ",\"nl\":" + Payloads.json(Payloads.SVG) + "},"
                                + "\"homepage\":\"https://example.org/?q=%22%3E%3Cscript%3E\",\"roles\":[\"PUBLISHER\"],"
                                + "\"type\":\"NGO\",\"country\":\"BE\"}"))).text(), "$.key"))));
        for (String lang : List.of("", "/nl", "/fr")) {
            cases.add(HostileCase.of(Category.STORED_XSS, "the organisation's page " + lang + "/publisher/{key}",
                    client -> shows(client.send(Request.get(lang + "/publisher/" + organisation.get())), ORGANISATION_WORD)));
        }
        for (String lang : List.of("", "/nl")) {
            cases.add(HostileCase.of(Category.STORED_XSS, "the publisher search " + lang + "/publisher/search?q=zqxj",
                    client -> shows(client.send(Request.get(lang + "/publisher/search?q=zqxj")), ORGANISATION_WORD)));
        }
        cases.add(HostileCase.writing(Category.STORED_XSS, "a page listing the publishers (a directory block)",
                client -> created(client.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                        {"lang":"en","permalink":"/hostile/publishers","title":"Publishers","body":"All publishers.",
                         "frontMatter":{"directoryBlocks":[{"role":"PUBLISHER","title":"Publishers"}]}}""")))));
        cases.add(HostileCase.of(Category.STORED_XSS, "the page listing the publishers /hostile/publishers",
                client -> shows(client.send(Request.get("/hostile/publishers")), ORGANISATION_WORD)));
        cases.add(HostileCase.of(Category.STORED_XSS, "the organisation through the API is JSON, never HTML",
                client -> json(client.send(Request.get("/api/directory/v1/organisations/" + organisation.get())))));
        AtomicReference<String> person = new AtomicReference<>();
        cases.add(HostileCase.writing(Category.STORED_XSS, "a person whose name, roles and bio are script",
                client -> person.set(JsonPath.read(created(client.asEditor(Request.of("POST", "/api/directory/v1/people")
                        .json("{\"slug\":\"hostile-xss\",\"name\":" + Payloads.json("Zqxj " + Payloads.SCRIPT)
                                + ",\"categories\":[\"NODE_STAFF\"],\"roles\":[" + Payloads.json(Payloads.IMG) + "],"
                                + "\"bio\":{\"en\":" + Payloads.json(Payloads.LINK) + "}}"))).text(), "$.key"))));
        cases.add(HostileCase.of(Category.STORED_XSS, "the person through the API is JSON, never HTML",
                client -> json(client.send(Request.get("/api/directory/v1/people/" + person.get())))));
        // The composition blocks that list people and organisations (render-service): a page with both. Where
        // render-service does not know a block it leaves it out, so only safety is asserted, not the names.
        cases.add(HostileCase.writing(Category.STORED_XSS, "a page of people and organisations blocks",
                client -> created(client.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                        {"lang":"en","permalink":"/hostile/people","title":"People","body":"All people.",
                         "frontMatter":{"composition":[{"type":"people","title":"Staff"},
                          {"type":"organisations","title":"Organisations"},{"type":"pageMarkdown"}]}}""")))));
        cases.add(HostileCase.of(Category.STORED_XSS, "the page of people and organisations blocks /hostile/people",
                client -> Expect.shownSafely(client.send(Request.get("/hostile/people")), Payloads.all())));
        cases.add(HostileCase.writing(Category.STORED_XSS, "a literature record whose title, authors, source, abstract and DOI are script",
                client -> assertThat(client.asEditor(Request.of("POST", "/api/content/v1/literature/imports").json(
                        "{\"results\":[{\"id\":\"" + LITERATURE_ID + "\",\"title\":" + Payloads.json(LITERATURE_WORD + " "
                                + Payloads.SCRIPT) + ",\"authors\":[{\"firstName\":" + Payloads.json(Payloads.IMG)
                                + ",\"lastName\":" + Payloads.json(Payloads.SVG) + "}],\"year\":2024,\"source\":"
                                + Payloads.json(Payloads.TITLE) + ",\"literatureType\":\"JOURNAL\",\"abstract\":"
                                + Payloads.json(Payloads.LINK + " " + Payloads.ATTRIBUTE) + ",\"identifiers\":{\"doi\":"
                                + Payloads.json("10.5555/" + Payloads.IMG.replace(" ", "")) + "},"
                                + "\"websites\":[\"https://example.org/?q=%22%3E%3Cscript%3E\"]}]}")).status())
                        .as("literature import").isEqualTo(200)));
        for (String target : List.of("/literature/" + LITERATURE_ID, "/nl/literature/" + LITERATURE_ID,
                "/literature/search?q=qzxw")) {
            cases.add(HostileCase.of(Category.STORED_XSS, "the literature page " + target,
                    client -> shows(client.send(Request.get(target)), LITERATURE_WORD)));
        }
        cases.addAll(refusedLinks());
        cases.addAll(MarkdownXssCases.all());
        return cases;
    }

    /** Links the portal would show that lead to script: refused when written, so nothing is stored. */
    private static List<HostileCase> refusedLinks() {
        List<HostileCase> cases = new ArrayList<>();
        for (String url : List.of("javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                "https://example.org/\"><script>alert(1)</script>")) {
            cases.add(HostileCase.of(Category.STORED_XSS, "an organisation whose homepage is " + url, client ->
                    Expect.refused(client.asEditor(Request.of("POST", "/api/directory/v1/organisations").json(
                            "{\"slug\":\"hostile-link\",\"names\":{\"en\":\"Link\"},\"homepage\":" + Payloads.json(url)
                                    + ",\"roles\":[\"PUBLISHER\"],\"type\":\"OTHER\"}")))));
            cases.add(HostileCase.of(Category.STORED_XSS, "a person whose photo is " + url, client ->
                    Expect.refused(client.asEditor(Request.of("POST", "/api/directory/v1/people").json(
                            "{\"slug\":\"hostile-link\",\"name\":\"Link\",\"categories\":[\"CONTACT\"],\"photoUrl\":"
                                    + Payloads.json(url) + "}")))));
            cases.add(HostileCase.of(Category.STORED_XSS, "a literature record whose website is " + url, client ->
                    Expect.refused(client.asEditor(Request.of("POST", "/api/content/v1/literature/imports").json(
                            "{\"results\":[{\"id\":\"hostile-link\",\"title\":\"Link\",\"websites\":["
                                    + Payloads.json(url) + "]}]}")))));
        }
        cases.add(HostileCase.of(Category.STORED_XSS, "a literature record whose DOI is javascript:alert(1)", client ->
                Expect.refused(client.asEditor(Request.of("POST", "/api/content/v1/literature/imports").json(
                        "{\"results\":[{\"id\":\"hostile-link\",\"title\":\"Link\",\"identifiers\":{\"doi\":"
                                + "\"javascript:alert(1)\"}}]}")))));
        cases.add(HostileCase.of(Category.STORED_XSS, "a literature record whose GBIF download key is markup", client ->
                Expect.refused(client.asEditor(Request.of("POST", "/api/content/v1/literature/imports").json(
                        "{\"results\":[{\"id\":\"hostile-link\",\"title\":\"Link\",\"gbifDownloadKey\":["
                                + Payloads.json(Payloads.IMG) + "]}]}")))));
        return cases;
    }

    static Answer created(Answer answer) {
        assertThat(answer.status()).as("stored: %s", answer).isEqualTo(201);
        return answer;
    }

    private static void shows(Answer page, String word) {
        Expect.shownSafely(page, Payloads.all());
        assertThat(page.text()).as("the page shows the stored record").contains(word);
    }

    private static void json(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.header("x-content-type-options")).hasValue("nosniff");
    }
}
