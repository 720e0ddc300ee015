package be.biodiversity.portal.directory;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJackson2ObjectMapper;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What directory-service does not build (issue 16). Jackson 2 is on its class path (resilience4j's Spring Cloud
 * starter brings it), and Boot made the actuator a Jackson 2 mapper of its own: about 300 classes loaded for nothing.
 * (The same annotations as {@link OpenApiDocumentTests}, so both share one application context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-token")
@AutoConfigureWebTestClient
class FootprintTests {

    @Autowired
    ApplicationContext context;

    @Test
    void buildsNoJackson2Mapper() {
        assertThat(context.getBeanNamesForType(EndpointJackson2ObjectMapper.class)).isEmpty();
    }
}
