package be.biodiversity.portal.problems;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class FrameworkProblemsTests {

    @Test
    void aPathWithNothingBehindItNamesNeitherHostNorPort() {
        var ex = new NoResourceFoundException(java.net.URI.create("http://127.0.0.1:8081/api/x"), "api/x");
        ProblemDetail problem = FrameworkProblems.describe(ex, HttpStatus.NOT_FOUND);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).isEqualTo("Nothing is served at this path").doesNotContain("127.0.0.1");
    }

    @Test
    void methodsAndMediaTypesAreNamedNotClasses() {
        ProblemDetail method = FrameworkProblems.describe(
                new MethodNotAllowedException(HttpMethod.PATCH, Set.of(HttpMethod.GET, HttpMethod.PUT)),
                HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(method.getDetail()).isEqualTo("The method PATCH is not allowed here; allowed: GET, PUT");
        ProblemDetail media = FrameworkProblems.describe(new UnsupportedMediaTypeStatusException(
                MediaType.APPLICATION_FORM_URLENCODED, List.of(MediaType.APPLICATION_JSON)),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(media.getDetail()).contains("'application/x-www-form-urlencoded'", "application/json")
                .doesNotContain("Exception");
    }

    @Test
    void quotedValuesAreShortAndCarryNoControlCharacters() {
        assertThat(Shown.value("a\u0000b\nc")).isEqualTo("a?b?c");
        assertThat(Shown.value("x".repeat(100))).hasSize(61).endsWith("…");
    }
}
