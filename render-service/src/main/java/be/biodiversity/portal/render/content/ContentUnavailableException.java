package be.biodiversity.portal.render.content;

/** content-service could not be reached, timed out, or answered with an error other than 404. */
public class ContentUnavailableException extends RuntimeException {

    ContentUnavailableException(Throwable cause) {
        super("content-service is unavailable: " + cause.getMessage(), cause);
    }

}
