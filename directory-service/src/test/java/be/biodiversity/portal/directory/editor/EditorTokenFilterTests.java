package be.biodiversity.portal.directory.editor;

import java.util.concurrent.atomic.AtomicBoolean;

import be.biodiversity.portal.directory.config.EditorProperties;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class EditorTokenFilterTests {

    static final String API = "/api/directory/v1/organisations";

    final AtomicBoolean passed = new AtomicBoolean();

    @Test
    void readsArePublic() {
        MockServerWebExchange exchange = run("s3cret", MockServerHttpRequest.get(API));
        assertThat(passed).isTrue();
        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void writeWithTheTokenPasses() {
        run("s3cret", MockServerHttpRequest.post(API).header(HttpHeaders.AUTHORIZATION, "Bearer s3cret"));
        assertThat(passed).isTrue();
    }

    @Test
    void writeWithoutTokenIsUnauthorized() {
        MockServerWebExchange exchange = run("s3cret", MockServerHttpRequest.put(API + "/x"));
        assertThat(passed).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"status\":401").contains("\"instance\":\"" + API + "/x\"");
    }

    @Test
    void aWriteToADisguisedPathNeedsTheTokenToo() {
        for (String path : new String[] { "/%61pi/directory/v1/organisations", "/api;x/directory/v1/organisations" }) {
            passed.set(false);
            MockServerWebExchange exchange = run("s3cret", MockServerHttpRequest.post(path));
            assertThat(passed).as(path).isFalse();
            assertThat(exchange.getResponse().getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void writeWithAnotherSchemeIsUnauthorized() {
        MockServerWebExchange exchange = run("s3cret",
                MockServerHttpRequest.delete(API + "/x").header(HttpHeaders.AUTHORIZATION, "Basic czNjcmV0"));
        assertThat(passed).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void writeWithAWrongTokenIsForbidden() {
        MockServerWebExchange exchange = run("s3cret",
                MockServerHttpRequest.post(API).header(HttpHeaders.AUTHORIZATION, "Bearer s3cre"));
        assertThat(passed).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("not valid");
    }

    @Test
    void withoutAConfiguredTokenEveryWriteIsForbidden() {
        MockServerWebExchange exchange = run(" ",
                MockServerHttpRequest.post(API).header(HttpHeaders.AUTHORIZATION, "Bearer "));
        assertThat(passed).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("no editor token is configured");
    }

    private MockServerWebExchange run(String token, MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        EditorTokenFilter filter = new EditorTokenFilter(new EditorProperties(token),
                ServerCodecConfigurer.create());
        filter.filter(exchange, next -> {
            passed.set(true);
            return Mono.empty();
        }).block();
        return exchange;
    }
}
