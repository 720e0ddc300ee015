package be.biodiversity.portal.directory;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document (springdoc, at /api/directory/v1/openapi) lists every API operation the controllers map. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-token")
@AutoConfigureWebTestClient
class OpenApiDocumentTests {

    /** The document itself (and its YAML form) is served under the API's path but is not an operation of it. */
    private static final String DOCUMENT = "/api/directory/v1/openapi";

    @Autowired
    WebTestClient client;

    @Autowired
    ApplicationContext context;

    @Test
    void documentsEveryApiOperation() {
        JsonNode document = client.get().uri(DOCUMENT).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> documented.add(operation.getKey().toUpperCase() + " " + path.getKey())));

        Set<String> mapped = new TreeSet<>();
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        for (Map.Entry<RequestMappingInfo, ?> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            info.getPatternsCondition().getPatterns().stream().map(Object::toString)
                    .filter(pattern -> pattern.startsWith("/api/") && !pattern.startsWith(DOCUMENT))
                    .forEach(pattern -> info.getMethodsCondition().getMethods()
                            .forEach(method -> mapped.add(method.name() + " " + pattern)));
        }
        assertThat(mapped).contains("GET /api/directory/v1/organisations", "POST /api/directory/v1/imports/registry",
                "GET /api/directory/v1/people");
        assertThat(documented).containsAll(mapped);
        assertThat(document.at("/info/title").asString()).isEqualTo("GBIF.be directory-service API");
    }

    @Test
    void namesNoServerAddress() {
        client.get().uri(DOCUMENT).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.servers.length()").isEqualTo(1)
                .jsonPath("$.servers[0].url").isEqualTo("/");
    }

    @Test
    void theOldPathRedirectsToTheNewOne() {
        client.get().uri("/v3/api-docs").exchange().expectStatus().isEqualTo(301)
                .expectHeader().location(DOCUMENT);
    }
}
