package be.biodiversity.portal.directory.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An error answered as problem+json whose {@code field} property names the request field or parameter at fault. */
public class FieldProblem extends ErrorResponseException {

    public FieldProblem(HttpStatusCode status, String field, String detail) {
        super(status, problem(status, field, detail), null);
    }

    /** A 400 Bad Request for a field or parameter with a value that cannot be used. */
    public static FieldProblem badRequest(String field, String detail) {
        return new FieldProblem(HttpStatus.BAD_REQUEST, field, detail);
    }

    private static ProblemDetail problem(HttpStatusCode status, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("field", field);
        return problem;
    }
}
