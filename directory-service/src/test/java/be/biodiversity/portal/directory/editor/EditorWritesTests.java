package be.biodiversity.portal.directory.editor;

import java.lang.reflect.Parameter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editor writes on directory-service's side of issues 11#10, 11#6 and 18#3: the same refusals as content-service
 * (editor-security), refused before the body is read, and only JSON accepted. Same configuration as
 * {@code OrganisationApiTests}, so both share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=test-editor-token")
@AutoConfigureWebTestClient
class EditorWritesTests {

    private static final String TOKEN = "Bearer test-editor-token";
    private static final List<String> WRITES = List.of("/api/directory/v1/organisations", "/api/directory/v1/people",
            "/api/directory/v1/imports/registry");

    @Autowired
    WebTestClient client;

    @Autowired
    ApplicationContext context;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void noOrAnotherSchemeIsA401WithABearerChallengeAndAWrongTokenA401InvalidToken() {
        for (String uri : WRITES) {
            client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            client.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Basic ZWRpdG9yOnRlc3QtZWRpdG9yLXRva2Vu")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            for (String wrong : List.of("Bearer test-editor-toke", "Bearer test-editor-token2", "Bearer ")) {
                client.post().uri(uri).header(HttpHeaders.AUTHORIZATION, wrong)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                        .expectStatus().isUnauthorized()
                        .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            }
        }
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        client.post().uri("/api/directory/v1/people").header(HttpHeaders.AUTHORIZATION, "bearer test-editor-token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isBadRequest();
    }

    @Test
    void aWriteToADisguisedPathNeedsTheTokenToo() {
        for (String path : List.of("/%61pi/directory/v1/organisations", "/api/directory/v1/%6Frganisations")) {
            mock().post().uri(URI.create(path)).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    @Test
    void aWriteWithoutTheRightTokenIsRefusedWithoutReadingItsBody() {
        WebTestClient unbuffered = mock();
        AtomicBoolean read = new AtomicBoolean();
        Flux<DataBuffer> endless = Flux.<DataBuffer>never().doOnSubscribe(s -> read.set(true));
        for (String authorization : new String[] { null, "Bearer wrong" }) {
            for (String uri : WRITES) {
                var request = unbuffered.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
                if (authorization != null) {
                    request = request.header(HttpHeaders.AUTHORIZATION, authorization);
                }
                request.body(BodyInserters.fromDataBuffers(endless)).exchange().expectStatus().isUnauthorized();
            }
        }
        assertThat(read).as("a refused write's body was read").isFalse();
    }

    @Test
    void aFormOrTextWriteWithTheTokenIsUnsupportedAndChangesNothing() {
        // What such a write would have made: counting every document raced the demo data still being loaded.
        Query written = new Query(new Criteria().orOperator(Criteria.where("slug").is("form"),
                Criteria.where("_id").is("00000000-0000-0000-0000-000000000000")));
        for (MediaType type : List.of(MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN)) {
            for (String uri : WRITES) {
                client.post().uri(uri).header(HttpHeaders.AUTHORIZATION, TOKEN).contentType(type)
                        .bodyValue("{\"slug\":\"form\"}").exchange().expectStatus().isEqualTo(415);
            }
            client.put().uri("/api/directory/v1/organisations/00000000-0000-0000-0000-000000000000")
                    .header(HttpHeaders.AUTHORIZATION, TOKEN).contentType(type).bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(415);
        }
        assertThat(mongo.count(written, "organisations").block()).isZero();
        assertThat(mongo.count(written, "people").block()).isZero();
    }

    /** Bound to the application without a network: paths go as written, a body only read if the service reads it. */
    private WebTestClient mock() {
        return WebTestClient.bindToApplicationContext(context).build();
    }

    /** Every handler that reads a body names the media types it takes: JSON only in this service. */
    @Test
    void everyWriteWithABodyDeclaresJson() {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        mapping.getHandlerMethods().forEach((info, method) -> {
            boolean body = List.of(method.getMethod().getParameters()).stream()
                    .anyMatch((Parameter p) -> p.isAnnotationPresent(RequestBody.class));
            boolean write = info.getMethodsCondition().getMethods().stream().anyMatch(m -> m != RequestMethod.GET);
            if (body && write) {
                assertThat(info.getConsumesCondition().getConsumableMediaTypes()).as("%s", info)
                        .containsExactly(MediaType.APPLICATION_JSON);
            }
        });
    }
}
