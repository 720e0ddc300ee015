package be.biodiversity.portal.directory.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers every error of the API as RFC 9457 problem+json, with a {@code field} property where one request field
 * or parameter is at fault. Errors that carry their own {@link ProblemDetail} (such as {@link FieldProblem}) are
 * rendered as they are by the base class.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ex.getBody();
        List<InvalidField> errors = ex.getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
                .toList();
        if (!errors.isEmpty()) {
            problem.setDetail("Invalid request: " + errors.stream()
                    .map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; ")));
            problem.setProperty("field", errors.get(0).field());
            problem.setProperty("errors", errors);
        }
        return handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    /** Unreadable bodies (malformed JSON, wrong value types) and request parameters of the wrong type. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ex.getBody();
        MethodParameter parameter = ex.getMethodParameter();
        JacksonException json = findCause(ex, JacksonException.class);
        if (parameter != null && parameter.hasParameterAnnotation(RequestBody.class)) {
            String field = json != null ? JsonPaths.of(json) : "";
            problem.setDetail(field.isEmpty() ? "The request body is not valid JSON for this resource"
                    : "The request body has an unreadable value for '" + field + "'");
            if (!field.isEmpty()) {
                problem.setProperty("field", field);
            }
        }
        else if (parameter != null && findCause(ex, TypeMismatchException.class) != null) {
            problem.setDetail("Parameter '" + parameter.getParameterName() + "' has a value of the wrong type");
            problem.setProperty("field", parameter.getParameterName());
        }
        return handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The directory service failed to answer this request");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    /** One invalid field of a request body, in the {@code errors} property of a 400. */
    record InvalidField(String field, String message) {
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
