package be.biodiversity.portal.problems;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * The errors Spring WebFlux raises, described in our words from what they hold (status, parameter, media types),
 * never from their messages: those can name the internal host ({@code No static resource … for request
 * 'http://127.0.0.1:8081/…'}), Java classes or parser internals.
 */
public final class FrameworkProblems {

    private FrameworkProblems() {
    }

    /** The problem to answer for one of Spring's exceptions: its status, a clean detail, the field at fault. */
    public static ProblemDetail describe(Exception ex, HttpStatusCode status) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (ex instanceof NoResourceFoundException || status.value() == HttpStatus.NOT_FOUND.value()) {
            problem.setDetail("Nothing is served at this path");
        }
        else if (ex instanceof MethodNotAllowedException notAllowed) {
            problem.setDetail("The method " + notAllowed.getHttpMethod() + " is not allowed here; allowed: "
                    + notAllowed.getSupportedMethods().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", ")));
        }
        else if (ex instanceof NotAcceptableStatusException notAcceptable) {
            problem.setDetail("None of the accepted media types can be answered; this answers "
                    + notAcceptable.getSupportedMediaTypes());
        }
        else if (ex instanceof UnsupportedMediaTypeStatusException unsupported) {
            problem.setDetail("The content type " + (unsupported.getContentType() == null ? "(none)"
                    : "'" + unsupported.getContentType() + "'") + " is not accepted here; send one of "
                    + unsupported.getSupportedMediaTypes());
        }
        else if (ex instanceof ContentTooLargeException || ex instanceof PayloadTooLargeException
                || status.value() == 413) {
            problem.setDetail("The request body is larger than this service accepts");
        }
        else if (ex instanceof MissingRequestValueException missing) {
            problem.setDetail("The " + missing.getLabel() + " '" + missing.getName() + "' is required");
            problem.setProperty("field", missing.getName());
        }
        else if (ex instanceof ServerWebInputException input) {
            unreadable(input, problem);
        }
        else {
            problem.setDetail(status.value() >= 500 ? "The service failed to answer this request"
                    : "The request cannot be answered (" + HttpStatus.valueOf(status.value()).getReasonPhrase() + ")");
        }
        return problem;
    }

    /** A body that is not JSON of the expected shape, or a parameter that is not of its type. */
    private static void unreadable(ServerWebInputException ex, ProblemDetail problem) {
        MethodParameter parameter = ex.getMethodParameter();
        TypeMismatchException mismatch = cause(ex, TypeMismatchException.class);
        if (parameter != null && parameter.hasParameterAnnotation(RequestBody.class)) {
            JacksonException json = cause(ex, JacksonException.class);
            String field = json == null ? "" : JsonPaths.of(json);
            problem.setDetail(field.isEmpty() ? "The request body is not valid JSON for this resource"
                    : "The request body has an unreadable value for '" + field + "'");
            if (!field.isEmpty()) {
                problem.setProperty("field", field);
            }
        }
        else if (parameter != null && mismatch != null) {
            String name = parameter.getParameterName();
            problem.setDetail("'" + Shown.value(String.valueOf(mismatch.getValue())) + "' is not a valid "
                    + name + ": " + expected(mismatch.getRequiredType()));
            problem.setProperty("field", name);
        }
        else {
            problem.setDetail("The request cannot be read");
        }
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type is expected";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + " is expected";
        }
        if (type == long.class || type == Long.class) {
            return "a whole number is expected";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false is expected";
        }
        return "a value of another type is expected";
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
