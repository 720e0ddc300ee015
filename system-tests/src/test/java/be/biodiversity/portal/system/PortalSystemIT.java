package be.biodiversity.portal.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal through its gateway only, as visitors, editors and operators use it. */
class PortalSystemIT {

    static Portal portal;

    @BeforeAll
    static void startPortal() throws Exception {
        portal = Portal.get();
    }

    @Test
    void theDutchCommunityPageListsEveryMemberAndPartner() throws Exception {
        HttpResponse<String> page = portal.get("/nl/community");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        String html = Html.unescape(page.body());
        assertThat(html).contains("<html lang=\"nl\"").contains("Gemeenschap");
        List<String> names = organisationNames("MEMBER", "nl");
        names.addAll(organisationNames("PARTNER", "nl"));
        assertThat(names).hasSizeGreaterThanOrEqualTo(24);
        assertThat(html).contains(names);
        assertThat(page.body()).contains("href=\"/community\"").contains("href=\"/fr/community\"");
    }

    @Test
    void theOtherLanguagesAreServedToo() throws Exception {
        assertThat(Html.unescape(portal.get("/fr/community").body())).contains("<html lang=\"fr\"")
                .contains("Communauté").contains(organisationNames("MEMBER", "fr"));
        assertThat(portal.get("/community").body()).contains("<html lang=\"en\"").contains("Community");
        assertThat(portal.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAreNotFound() throws Exception {
        HttpResponse<String> missing = portal.get("/xx/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
    }

    @Test
    void theServicesInternalsAreNotReachableThroughTheGateway() throws Exception {
        assertThat(portal.get("/api/content/actuator/health").statusCode()).isEqualTo(404);
        assertThat(portal.get("/api/directory/actuator/health").statusCode()).isEqualTo(404);
        assertThat(portal.get("/actuator/env").statusCode()).isEqualTo(404);
    }

    @Test
    void anEditShowsAndSurvivesARestartOfContentService() throws Exception {
        String page = """
                {"lang":"nl","permalink":"/nl/systeemtest","translationKey":"system-test","title":"Systeemtest",
                 "body":"Deze pagina is **blijvend**."}""";
        HttpResponse<String> created = portal.post("/api/content/v1/pages", page);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(portal.get("/nl/systeemtest").body()).contains("<strong>blijvend</strong>");

        portal.content.stop();
        portal.content.start();
        portal.content.awaitHealthy(Duration.ofSeconds(120));

        HttpResponse<String> rendered = portal.get("/nl/systeemtest");
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(rendered.body()).contains("Systeemtest").contains("<strong>blijvend</strong>");
    }

    @Test
    void withDirectoryServiceDownTheCommunityPageStillRenders() throws Exception {
        List<String> members = organisationNames("MEMBER", "nl");
        portal.without(portal.directory, () -> {
            // A query string makes render-service render the page now rather than send the complete copy it
            // keeps: what is tested here is rendering without the directory.
            HttpResponse<String> page = portal.get("/fr/community?directory-down");
            assertThat(page.statusCode()).isEqualTo(200);
            String html = Html.unescape(page.body());
            assertThat(html).contains("Communauté").contains("temporairement indisponible");
            assertThat(organisationNamesIn(members, html)).isEmpty();
        });
    }

    @Test
    void withContentServiceDownPagesRenderedBeforeAreStillServed() throws Exception {
        String before = portal.get("/nl").body();
        portal.without(portal.content, () -> {
            HttpResponse<String> page = portal.get("/nl");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo(before);
            assertThat(portal.get("/nl/never-rendered").statusCode()).isEqualTo(503);
        });
    }

    private static List<String> organisationNamesIn(List<String> names, String html) {
        return names.stream().filter(html::contains).toList();
    }

    /** The names a visitor should see: in the page's language, else in English, as the directory returns them. */
    private static List<String> organisationNames(String role, String lang) throws Exception {
        HttpResponse<String> list = portal.get("/api/directory/v1/organisations?role=" + role + "&limit=1000");
        assertThat(list.statusCode()).isEqualTo(200);
        List<Map<String, String>> names = JsonPath.read(list.body(), "$.results[*].names");
        return names.stream().map(n -> n.get(lang) != null ? n.get(lang) : n.get("en"))
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
