package be.biodiversity.portal.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as an operator runs it: four JVMs from the built jars, on free ports, on the embedded MongoDB
 * default, tested through the gateway only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalSystemIT {

    private static final String TOKEN = "system-test-editor-token";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static ServiceProcess content;
    static ServiceProcess directory;
    static ServiceProcess render;
    static ServiceProcess gateway;

    @BeforeAll
    static void startPortal() throws Exception {
        Path work = Files.createTempDirectory("portal-system-test");
        Path logs = Path.of("target", "system-test-logs");
        content = new ServiceProcess("content-service", logs, List.of(
                "--portal.mongodb.embedded.data-dir=" + work.resolve("content"),
                "--portal.editor.token=" + TOKEN));
        directory = new ServiceProcess("directory-service", logs, List.of(
                "--portal.mongodb.embedded.data-dir=" + work.resolve("directory")));
        render = new ServiceProcess("render-service", logs, List.of(
                "--portal.content.url=" + content.url(), "--portal.directory.url=" + directory.url()));
        gateway = new ServiceProcess("gateway", logs, List.of(
                "--portal.content.url=" + content.url(), "--portal.directory.url=" + directory.url(),
                "--portal.render.url=" + render.url()));
        for (ServiceProcess service : all()) {
            service.start();
        }
        for (ServiceProcess service : all()) {
            service.awaitHealthy(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopPortal() throws InterruptedException {
        for (ServiceProcess service : all()) {
            if (service != null) {
                service.stop();
            }
        }
    }

    @Test
    @Order(1)
    void theDutchCommunityPageListsEveryMemberAndPartner() throws Exception {
        HttpResponse<String> page = get("/nl/community");

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
    @Order(2)
    void theOtherLanguagesAreServedToo() throws Exception {
        assertThat(Html.unescape(get("/fr/community").body())).contains("<html lang=\"fr\"").contains("Communauté")
                .contains(organisationNames("MEMBER", "fr"));
        assertThat(get("/community").body()).contains("<html lang=\"en\"").contains("Community");
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void unknownPathsAreNotFound() throws Exception {
        HttpResponse<String> missing = get("/xx/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
    }

    @Test
    @Order(4)
    void theServicesInternalsAreNotReachableThroughTheGateway() throws Exception {
        assertThat(get("/api/content/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get("/api/directory/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void anEditSurvivesARestartOfContentService() throws Exception {
        String page = """
                {"lang":"nl","permalink":"/nl/systeemtest","translationKey":"system-test","title":"Systeemtest",
                 "body":"Deze pagina is **blijvend**."}""";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(gatewayUri("/api/content/v1/pages"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(page)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        content.stop();
        content.start();
        content.awaitHealthy(Duration.ofSeconds(120));

        HttpResponse<String> rendered = get("/nl/systeemtest");
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(rendered.body()).contains("Systeemtest").contains("<strong>blijvend</strong>");
    }

    @Test
    @Order(6)
    void withDirectoryServiceDownTheCommunityPageStillRenders() throws Exception {
        List<String> members = organisationNames("MEMBER", "nl");
        directory.stop();

        HttpResponse<String> page = get("/nl/community");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = Html.unescape(page.body());
        assertThat(html).contains("Gemeenschap").contains("tijdelijk niet beschikbaar");
        assertThat(members).allSatisfy(name -> assertThat(html).doesNotContain(name));
    }

    /** The names a visitor should see: in the page's language, else in English, as the directory returns them. */
    private static List<String> organisationNames(String role, String lang) throws Exception {
        HttpResponse<String> list = get("/api/directory/v1/organisations?role=" + role + "&limit=1000");
        assertThat(list.statusCode()).isEqualTo(200);
        List<Map<String, String>> names = JsonPath.read(list.body(), "$.results[*].names");
        return names.stream().map(n -> n.get(lang) != null ? n.get(lang) : n.get("en"))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(gatewayUri(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI gatewayUri(String path) {
        return URI.create(gateway.url() + path);
    }

    private static List<ServiceProcess> all() {
        return java.util.Arrays.asList(content, directory, render, gateway);
    }
}
