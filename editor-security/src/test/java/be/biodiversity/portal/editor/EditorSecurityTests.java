package be.biodiversity.portal.editor;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = EditorSecurityTests.App.class, properties = {
        "portal.editor.token=the-editor-secret",
        "portal.editor.tokens.alice=alice-secret",
        "management.endpoints.web.exposure.include=health" })
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class EditorSecurityTests {

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    @Test
    void readsArePublicAndAnonymous() {
        web.get().uri("/things").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("anonymous");
    }

    @Test
    void aWriteWithoutCredentialsIsA401ProblemWithABearerChallenge() {
        web.post().uri("/things").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/things")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("Authorization: Bearer"));
    }

    @Test
    void theRightTokenUnderAnotherSchemeIsNoCredentialsAndNeverABasicChallenge() {
        String basic = java.util.Base64.getEncoder().encodeToString("editor:the-editor-secret".getBytes());
        web.post().uri("/things").header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void aWrongTokenIsA401InvalidTokenOnWritesAndReadsAlike() {
        for (String header : new String[] { "Bearer the-editor-secreT", "Bearer the-editor-secret-and-more",
                "Bearer ", "Bearer the-editor", "bearer alice-secretx" }) {
            web.post().uri("/things").header(HttpHeaders.AUTHORIZATION, header)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectBody().jsonPath("$.detail").isEqualTo("The bearer token is not an editor's token");
            web.get().uri("/things").header(HttpHeaders.AUTHORIZATION, header).exchange()
                    .expectStatus().isUnauthorized();
        }
    }

    @Test
    void theSchemeIsCaseInsensitiveAndTheEditorIsNamedByTheConfiguration() {
        for (String scheme : new String[] { "Bearer", "bearer", "BEARER" }) {
            write(scheme + " the-editor-secret").expectStatus().isOk().expectBody(String.class).isEqualTo("editor");
        }
        write("Bearer alice-secret").expectStatus().isOk().expectBody(String.class).isEqualTo("alice");
        web.get().uri("/things").header(HttpHeaders.AUTHORIZATION, "Bearer alice-secret").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("alice");
    }

    @Test
    void aReadDeclaredEditorOnlyNeedsAnEditor() {
        web.get().uri("/things/drafts").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        web.get().uri("/things/drafts").header(HttpHeaders.AUTHORIZATION, "Bearer alice-secret").exchange()
                .expectStatus().isOk();
    }

    @Test
    void aRefusedWriteIsAnsweredWithoutReadingItsBody() {
        AtomicBoolean subscribed = new AtomicBoolean();
        // A body that never ends: if the service waited for it, there would be no answer at all.
        Flux<DataBuffer> endless = Flux.<DataBuffer>never().doOnSubscribe(s -> subscribed.set(true));
        for (String header : new String[] { null, "Bearer wrong" }) {
            var request = web.post().uri("/things").contentType(MediaType.APPLICATION_JSON);
            if (header != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, header);
            }
            request.body(BodyInserters.fromDataBuffers(endless)).exchange().expectStatus().isUnauthorized();
        }
        assertThat(subscribed).as("the body of a refused write was read").isFalse();
    }

    @Test
    void theAcceptedWriteDoesReadItsBody() {
        AtomicBoolean subscribed = new AtomicBoolean();
        Flux<DataBuffer> body = Flux.<DataBuffer>just(DefaultDataBufferFactory.sharedInstance.wrap("{}".getBytes(StandardCharsets.UTF_8)))
                .doOnSubscribe(s -> subscribed.set(true));
        web.post().uri("/things").header(HttpHeaders.AUTHORIZATION, "Bearer the-editor-secret")
                .contentType(MediaType.APPLICATION_JSON).body(BodyInserters.fromDataBuffers(body)).exchange()
                .expectStatus().isOk();
        assertThat(subscribed).isTrue();
    }

    @Test
    void theProblemIsJsonWhateverThePath() {
        web.post().uri(java.net.URI.create("/things/%22%7D%3Cx%3E")).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.instance").isEqualTo("/things/%22%7D%3Cx%3E");
    }

    @Test
    void whatTheFirewallRefusesIsA400Problem() {
        web.get().uri(java.net.URI.create("/things/%5C..%5Cetc")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("The request was rejected"));
    }

    @Test
    void probesKeepWorking() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void noSessionNoLoginPageNoGeneratedUser(CapturedOutput output) {
        web.get().uri("/login").exchange().expectStatus().isNotFound();
        web.post().uri("/things").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        write("Bearer the-editor-secret").expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        assertThat(context.getBeanNamesForType(ReactiveUserDetailsService.class)).isEmpty();
        assertThat(output).doesNotContain("generated security password");
    }

    private WebTestClient.ResponseSpec write(String authorization) {
        return web.post().uri("/things").header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Things things() {
            return new Things();
        }

        @Bean
        EditorOnly drafts() {
            return new EditorOnly("drafts", ServerWebExchangeMatchers.pathMatchers("/things/drafts"));
        }
    }

    @RestController
    static class Things {

        @GetMapping("/things")
        Mono<String> read(@AuthenticationPrincipal Editor editor) {
            return Mono.just(editor == null ? "anonymous" : editor.name());
        }

        @GetMapping("/things/drafts")
        Mono<String> drafts() {
            return Mono.just("drafts");
        }

        @PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        Mono<String> write(@RequestBody Mono<Map<String, Object>> body, @AuthenticationPrincipal Editor editor) {
            return body.thenReturn(editor.name());
        }
    }
}
