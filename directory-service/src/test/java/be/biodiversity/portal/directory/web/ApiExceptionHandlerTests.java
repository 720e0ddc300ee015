package be.biodiversity.portal.directory.web;

import org.junit.jupiter.api.Test;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTests {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void anUnexpectedErrorIsAGeneric500WithoutItsMessage() {
        var answer = handler.handleUnexpected(new IllegalStateException("cannot reach mongodb://10.0.0.5:27017"),
                exchange()).block();
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getDetail()).isEqualTo("The directory service failed to answer this request");
        assertThat(problem.toString()).doesNotContain("mongodb", "IllegalState");
        assertThat(problem.getProperties()).containsKey("requestId");
    }

    @Test
    void aBodyTheCodecsCannotDecodeIsABadRequest() {
        var answer = handler.handleUndecodable(new DecodingException("Could not find first boundary"), exchange())
                .block();
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("boundary");
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/directory/v1/imports/registry"));
    }
}
