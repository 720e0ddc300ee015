package be.biodiversity.portal.content.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import be.biodiversity.portal.problems.FrameworkProblems;

/**
 * Every error of the API as {@code application/problem+json} ({@link ProblemDetail}), naming the field at fault
 * where there is one. Spring's own errors are described by {@link FrameworkProblems}, never by their messages; an
 * error nobody expected is a 500 without internals, logged once with the request id the answer carries.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final Pattern DUPLICATE_KEY = Pattern.compile("dup key: (\\{.*?\\})");

    @ExceptionHandler
    Mono<ProblemDetail> invalidField(InvalidFieldException ex) {
        return Mono.just(problem(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field()));
    }

    /** A constraint on a parameter of a {@code @Validated} controller: the field is the parameter's name. */
    @ExceptionHandler
    Mono<ProblemDetail> constraint(ConstraintViolationException ex) {
        ConstraintViolation<?> first = ex.getConstraintViolations().stream().findFirst().orElse(null);
        String field = null;
        if (first != null) {
            for (Path.Node node : first.getPropertyPath()) {
                field = node.getName();
            }
        }
        return Mono.just(problem(HttpStatus.BAD_REQUEST,
                first == null ? "invalid request" : field + ": " + first.getMessage(), field));
    }

    @ExceptionHandler
    Mono<ProblemDetail> notFound(NotFoundException ex) {
        return Mono.just(problem(HttpStatus.NOT_FOUND, ex.getMessage(), null));
    }

    @ExceptionHandler
    Mono<ProblemDetail> duplicate(DuplicateKeyException ex) {
        Matcher key = DUPLICATE_KEY.matcher(String.valueOf(ex.getMessage()));
        String which = key.find() ? key.group(1) : "the same language and permalink";
        boolean page = String.valueOf(ex.getMessage()).contains("permalink");
        return Mono.just(problem(HttpStatus.CONFLICT, (page ? "A page exists already with " : "A document exists already with ")
                + which, page ? "permalink" : "name"));
    }

    @ExceptionHandler
    Mono<ProblemDetail> conflict(ConflictException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ex.getMessage(), "version");
        problem.setProperty("currentVersion", ex.currentVersion());
        return Mono.just(problem);
    }

    /** A body the codecs cannot decode outside of a JSON argument, such as a malformed multipart upload. */
    @ExceptionHandler
    Mono<ProblemDetail> undecodable(DecodingException ex) {
        return Mono.just(problem(HttpStatus.BAD_REQUEST,
                "The request body cannot be decoded (a malformed multipart upload or encoding)", null));
    }

    /** A parameter or header name or value Spring Security's firewall refuses (a blank name, a NUL): the caller's. */
    @ExceptionHandler
    Mono<ProblemDetail> rejected(ServerExchangeRejectedException ex) {
        return Mono.just(problem(HttpStatus.BAD_REQUEST,
                "The request holds a parameter or header name or value that is not allowed", null));
    }

    /** Anything not foreseen: a 500 that says nothing of the inside; the log has the exception, once. */
    @ExceptionHandler
    Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
        String requestId = exchange.getRequest().getId();
        log.error("Unexpected error answering {} {} (request {})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), requestId, ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The content service failed to answer this request");
        problem.setProperty("requestId", requestId);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        FieldError error = ex.getFieldError();
        String field = error == null ? null : error.getField();
        String message = error == null ? "invalid request" : field + ": " + error.getDefaultMessage();
        return handleExceptionInternal(ex, problem(HttpStatus.BAD_REQUEST, message, field), headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        var results = ex.getParameterValidationResults();
        String field = results.isEmpty() ? null : results.get(0).getMethodParameter().getParameterName();
        String message = results.isEmpty() ? "invalid request parameter"
                : field + ": " + results.get(0).getResolvableErrors().get(0).getDefaultMessage();
        return handleExceptionInternal(ex, problem(HttpStatus.BAD_REQUEST, message, field), headers, status, exchange);
    }

    /**
     * Spring's errors (404, 405, 406, 415, 413, unreadable bodies, parameters of the wrong type) in clean words.
     * A {@link ResponseStatusException} this service raises itself keeps its reason.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given : FrameworkProblems.describe(ex, status);
        if (body == null && ex.getClass() == ResponseStatusException.class && status.value() != 404) {
            String reason = ((ResponseStatusException) ex).getReason();
            if (reason != null && !reason.contains("://")) {
                problem.setDetail(reason);
            }
        }
        if (status.is5xxServerError() && !(body instanceof ProblemDetail)) {
            log.error("Error answering {} {} (request {})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), exchange.getRequest().getId(), ex);
            problem.setProperty("requestId", exchange.getRequest().getId());
        }
        return super.handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    /** A problem with its status and detail, and the {@code field} at fault when there is one. */
    public static ProblemDetail problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
