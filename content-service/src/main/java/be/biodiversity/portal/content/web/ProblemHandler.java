package be.biodiversity.portal.content.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolationException;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** Every error of the API as {@code application/problem+json}, naming the field at fault where there is one. */
@RestControllerAdvice
class ProblemHandler {

    private static final Pattern DUPLICATE_KEY = Pattern.compile("dup key: (\\{.*?\\})");

    @ExceptionHandler
    Mono<ProblemDetail> invalidField(InvalidFieldException ex) {
        return Mono.just(problem(HttpStatus.BAD_REQUEST, ex.getMessage(), ex.field()));
    }

    @ExceptionHandler
    Mono<ProblemDetail> invalidBody(WebExchangeBindException ex) {
        FieldError error = ex.getFieldError();
        String field = error == null ? null : error.getField();
        String message = error == null ? "invalid request" : field + ": " + error.getDefaultMessage();
        return Mono.just(problem(HttpStatus.BAD_REQUEST, message, field));
    }

    @ExceptionHandler
    Mono<ProblemDetail> invalidParameter(HandlerMethodValidationException ex) {
        String message = ex.getParameterValidationResults().stream()
                .map(r -> r.getMethodParameter().getParameterName() + ": "
                        + r.getResolvableErrors().get(0).getDefaultMessage())
                .findFirst().orElse("invalid request parameter");
        String field = ex.getParameterValidationResults().isEmpty() ? null
                : ex.getParameterValidationResults().get(0).getMethodParameter().getParameterName();
        return Mono.just(problem(HttpStatus.BAD_REQUEST, message, field));
    }

    @ExceptionHandler
    Mono<ProblemDetail> constraint(ConstraintViolationException ex) {
        return Mono.just(problem(HttpStatus.BAD_REQUEST, ex.getMessage(), null));
    }

    @ExceptionHandler
    Mono<ProblemDetail> unreadable(ServerWebInputException ex) {
        String field = ex.getMethodParameter() == null ? null : ex.getMethodParameter().getParameterName();
        String detail = ex.getReason() == null ? "malformed request" : ex.getReason();
        if (ex.getMostSpecificCause() != ex && ex.getMostSpecificCause().getMessage() != null) {
            detail = detail + ": " + firstLine(ex.getMostSpecificCause().getMessage());
        }
        return Mono.just(problem(HttpStatus.BAD_REQUEST, detail, field));
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

    @ExceptionHandler
    Mono<ProblemDetail> status(ResponseStatusException ex) {
        return Mono.just(problem(HttpStatus.valueOf(ex.getStatusCode().value()), ex.getReason(), null));
    }

    @ExceptionHandler
    Mono<ProblemDetail> rejected(be.biodiversity.portal.content.jekyll.ArchiveRejectedException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ex.getMessage(), "file");
        problem.setProperty("file", ex.file());
        return Mono.just(problem);
    }

    @ExceptionHandler
    Mono<ProblemDetail> importFailed(be.biodiversity.portal.content.jekyll.ImportFailedException ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage(), "file");
        ex.report().problems().stream()
                .filter(p -> p.severity() == be.biodiversity.portal.content.jekyll.Problem.Severity.ERROR).findFirst()
                .ifPresent(p -> {
                    problem.setProperty("file", p.file());
                    problem.setProperty("line", p.line());
                });
        problem.setProperty("report", ex.report());
        return Mono.just(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
