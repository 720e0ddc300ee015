package be.biodiversity.portal.directory.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import be.biodiversity.portal.problems.FrameworkProblems;

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

    /** A body the codecs cannot decode outside of a JSON argument, such as a malformed multipart upload. */
    @ExceptionHandler
    Mono<ResponseEntity<Object>> handleUndecodable(DecodingException ex, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body cannot be decoded (a malformed multipart upload or encoding)");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, exchange);
    }

    /** A parameter or header name or value Spring Security's firewall refuses (a blank name, a NUL): the caller's. */
    @ExceptionHandler
    Mono<ResponseEntity<Object>> handleRejected(ServerExchangeRejectedException ex, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request holds a parameter or header name or value that is not allowed");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, exchange);
    }

    /** Anything not foreseen: a 500 that says nothing of the inside; the log has the exception, once. */
    @ExceptionHandler
    Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
        String requestId = exchange.getRequest().getId();
        log.error("Unexpected error answering {} {} (request {})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), requestId, ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The directory service failed to answer this request");
        problem.setProperty("requestId", requestId);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    /**
     * Spring's own errors (404, 405, 406, 415, 413, unreadable bodies, parameters of the wrong type) in clean
     * words ({@link FrameworkProblems}); errors that carry a {@link ProblemDetail} of ours keep it.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        Object answer = body;
        if (body == null && ex instanceof ErrorResponseException ours && !(ex instanceof ResponseStatusException)) {
            answer = ours.getBody();
        }
        else if (body == null) {
            ProblemDetail problem = FrameworkProblems.describe(ex, status);
            if (status.is5xxServerError()) {
                log.error("Error answering {} {} (request {})", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), exchange.getRequest().getId(), ex);
                problem.setProperty("requestId", exchange.getRequest().getId());
            }
            answer = problem;
        }
        return super.handleExceptionInternal(ex, answer, headers, status, exchange);
    }

    /** One invalid field of a request body, in the {@code errors} property of a 400. */
    record InvalidField(String field, String message) {
    }
}
