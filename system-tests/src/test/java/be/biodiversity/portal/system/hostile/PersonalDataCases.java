package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People's e-mail addresses (issue #18, finding 8): the editor reads them; the anonymous API shows only what the
 * public pages show, so no {@code email} field in any anonymous people answer, and the address of the suite's person
 * ({@link Secrets#EMAIL}) in no answer to a visitor ({@link Client} checks every answer for it).
 */
final class PersonalDataCases {

    private PersonalDataCases() {
    }

    static List<HostileCase> all(Secrets s) {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(HostileCase.of(Category.PERSONAL_DATA, "the editor reads the person's e-mail (control)", client -> {
            Answer answer = client.asEditor(Request.get("/api/directory/v1/people/" + s.personKey()));
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.text()).contains(Secrets.EMAIL);
        }));
        for (String target : List.of("/api/directory/v1/people", "/api/directory/v1/people?limit=1000",
                "/api/directory/v1/people?current=false&limit=1000", "/api/directory/v1/people?current=true&limit=1000",
                "/api/directory/v1/people?category=NODE_STAFF&limit=1000", "/api/directory/v1/people?category=CONTACT&limit=1000",
                "/api/directory/v1/people/" + s.personKey(), "/api/directory/v1/people/slug/" + s.personSlug(),
                "/api/directory/v1/people?limit=1000&fields=email", "/api/directory/v1/people?limit=1000&projection=full",
                "/api/directory/v1/people?limit=1000&view=editor", "/api/directory/v1/people?limit=1000&drafts=true")) {
            cases.add(HostileCase.of(Category.PERSONAL_DATA, "GET " + target.replace(s.personKey(), "{key}") + " has no e-mail",
                    client -> noEmail(client.send(Request.get(target)))));
            cases.add(HostileCase.of(Category.PERSONAL_DATA, "GET " + target.replace(s.personKey(), "{key}")
                    + " with a wrong token has no e-mail", client -> noEmail(client.send(Request.get(target)
                            .header("Authorization", "Bearer not-the-token")))));
        }
        cases.add(HostileCase.of(Category.PERSONAL_DATA, "an e-mail filter tells nothing of who has which address", client -> {
            Answer all = client.send(Request.get("/api/directory/v1/people?limit=0"));
            Answer filtered = client.send(Request.get("/api/directory/v1/people?limit=0&email=" + Secrets.EMAIL.replace("@", "%40")));
            Answer other = client.send(Request.get("/api/directory/v1/people?limit=0&email=nobody%40example.org"));
            if (filtered.status() == 200 && other.status() == 200) {
                assertThat((Object) JsonPath.read(filtered.text(), "$.count")).as("count filtered by the address")
                        .isEqualTo(JsonPath.read(other.text(), "$.count"));
            }
            Expect.answered(all);
        }));
        cases.add(HostileCase.writing(Category.PERSONAL_DATA, "a page of the people block shows the person, not the e-mail",
                client -> {
                    Answer page = client.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                            {"lang":"en","permalink":"/hostile/people-mail","title":"People","body":"x",
                             "frontMatter":{"composition":[{"type":"people","title":"Staff"}]}}"""));
                    assertThat(page.status()).as("%s", page).isEqualTo(201);
                    Answer shown = Expect.shownSafely(client.send(Request.get("/hostile/people-mail")));
                    assertThat(shown.text()).contains("Hostile mail fixture");
                }));
        return cases;
    }

    private static void noEmail(Answer answer) {
        Expect.answered(answer);
        assertThat(answer.text()).as("an anonymous people answer").doesNotContain("\"email\"");
    }
}
