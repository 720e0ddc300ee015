package be.biodiversity.portal.content.web;

import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issues 11#6 and 18#3 on content-service's side: a write without the right token is refused before its body is
 * read, and a write takes only its own media types (so a cross-site form post never reaches a handler).
 */
@SpringBootTest(properties = "portal.editor.token=test-editor-secret")
class WriteRequestsTests {

    private static final String TOKEN = "Bearer test-editor-secret";
    private static final Set<String> WRITE_TYPES = Set.of("application/json", "multipart/form-data", "application/zip",
            "application/gzip", "application/x-gzip", "application/x-tar", "application/octet-stream");

    @Autowired
    ApplicationContext context;

    @Autowired
    ReactiveMongoTemplate mongo;

    /** Bound to the application without a network, so the body below is only ever read if the service reads it. */
    private WebTestClient web() {
        return WebTestClient.bindToApplicationContext(context).build();
    }

    @Test
    void aWriteWithoutTheRightTokenIsRefusedWithoutReadingItsBody() {
        AtomicBoolean read = new AtomicBoolean();
        // An upload that never ends: answered at all only if nobody waits for it.
        Flux<DataBuffer> endless = Flux.<DataBuffer>never().doOnSubscribe(s -> read.set(true));
        for (String authorization : new String[] { null, "Bearer wrong", "Basic ZWRpdG9yOnRlc3Q=" }) {
            for (String uri : List.of("/api/content/v1/imports", "/api/content/v1/pages",
                    "/api/content/v1/literature/imports")) {
                MediaType type = uri.equals("/api/content/v1/imports") ? MediaType.parseMediaType("application/zip")
                        : MediaType.APPLICATION_JSON;
                var request = web().post().uri(uri).contentType(type);
                if (authorization != null) {
                    request = request.header(HttpHeaders.AUTHORIZATION, authorization);
                }
                request.body(BodyInserters.fromDataBuffers(endless)).exchange().expectStatus().isUnauthorized();
            }
        }
        assertThat(read).as("a refused write's body was read").isFalse();
    }

    @Test
    void aFormOrTextPostWithTheTokenIsUnsupportedAndChangesNothing() {
        long pages = mongo.count(new Query(), "pages").block();
        for (MediaType type : List.of(MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN)) {
            web().post().uri("/api/content/v1/pages").header(HttpHeaders.AUTHORIZATION, TOKEN).contentType(type)
                    .bodyValue("{\"lang\":\"nl\",\"permalink\":\"/nl/form\",\"title\":\"Form\"}").exchange()
                    .expectStatus().isEqualTo(415);
            web().post().uri("/api/content/v1/literature/imports").header(HttpHeaders.AUTHORIZATION, TOKEN)
                    .contentType(type).bodyValue("{\"results\":[]}").exchange().expectStatus().isEqualTo(415);
            web().put().uri("/api/content/v1/data/navigation?lang=nl").header(HttpHeaders.AUTHORIZATION, TOKEN)
                    .contentType(type).bodyValue("{\"source\":\"a: b\"}").exchange().expectStatus().isEqualTo(415);
            web().post().uri("/api/content/v1/imports").header(HttpHeaders.AUTHORIZATION, TOKEN).contentType(type)
                    .bodyValue("x").exchange().expectStatus().isEqualTo(415);
        }
        assertThat(mongo.count(new Query(), "pages").block()).isEqualTo(pages);
    }

    /** Every handler that reads a body names the media types it takes, from the list of JSON and archives. */
    @Test
    void everyWriteWithABodyDeclaresItsMediaTypes() {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        mapping.getHandlerMethods().forEach((info, method) -> {
            boolean body = List.of(method.getMethod().getParameters()).stream().anyMatch(WriteRequestsTests::isBody);
            boolean write = info.getMethodsCondition().getMethods().stream().anyMatch(m -> m != RequestMethod.GET);
            if (body && write) {
                assertThat(info.getConsumesCondition().getConsumableMediaTypes()).as("%s", info).isNotEmpty()
                        .allSatisfy(type -> assertThat(WRITE_TYPES).contains(type.getType() + "/" + type.getSubtype()));
            }
        });
    }

    private static boolean isBody(Parameter parameter) {
        return parameter.isAnnotationPresent(RequestBody.class) || parameter.isAnnotationPresent(RequestPart.class);
    }
}
