package be.biodiversity.portal.content.jekyll;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import be.biodiversity.portal.content.web.ProblemHandler;

/**
 * The problems of an import: a refused archive (400, naming the entry) and a refused import (422, its report).
 * Asked before {@link ProblemHandler}, whose handler of any other exception would otherwise take them.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblems {

    @ExceptionHandler
    Mono<ProblemDetail> rejected(ArchiveRejectedException ex) {
        ProblemDetail problem = ProblemHandler.problem(HttpStatus.BAD_REQUEST, ex.getMessage(), "file");
        problem.setProperty("file", ex.file());
        return Mono.just(problem);
    }

    @ExceptionHandler
    Mono<ProblemDetail> importFailed(ImportFailedException ex) {
        ProblemDetail problem = ProblemHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage(), "file");
        ex.firstError()
                .ifPresent(p -> {
                    problem.setProperty("file", p.file());
                    problem.setProperty("line", p.line());
                });
        problem.setProperty("report", ex.report());
        return Mono.just(problem);
    }
}
