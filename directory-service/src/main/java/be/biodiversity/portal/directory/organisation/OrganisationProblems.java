package be.biodiversity.portal.directory.organisation;

import be.biodiversity.portal.directory.web.FieldProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The errors of the organisation API, each answered as problem+json. */
final class OrganisationProblems {

    private OrganisationProblems() {
    }

    static ErrorResponseException notFound(String field, String value) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "No organisation with " + field + " '" + value + "'"), null);
    }

    static ErrorResponseException duplicate(String field, String value) {
        return new FieldProblem(HttpStatus.CONFLICT, field,
                "An organisation with " + field + " '" + value + "' already exists");
    }

    static ErrorResponseException staleVersion(String key, Long sent, Long current) {
        FieldProblem problem = new FieldProblem(HttpStatus.CONFLICT, "version", "Organisation '" + key
                + "' was changed by someone else: you sent version " + sent + ", the current version is " + current
                + ". Read it again, then retry.");
        problem.getBody().setProperty("currentVersion", current);
        return problem;
    }
}
