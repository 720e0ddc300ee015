package be.biodiversity.portal.content.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTests {

    @Test
    void anUnexpectedErrorIsAGeneric500WithoutItsMessage() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/content/v1/pages"));
        var answer = new ProblemHandler()
                .unexpected(new IllegalStateException("cannot reach mongodb://10.0.0.5:27017/content"), exchange)
                .block();
        assertThat(answer.getStatusCode().value()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.value());
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getDetail()).isEqualTo("The content service failed to answer this request");
        assertThat(problem.toString()).doesNotContain("mongodb", "IllegalState");
        assertThat(problem.getProperties()).containsKey("requestId");
    }
}
