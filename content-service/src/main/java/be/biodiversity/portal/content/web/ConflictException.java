package be.biodiversity.portal.content.web;

/** A write based on a stale version: answered with 409, the field {@code version} and the current version. */
public class ConflictException extends RuntimeException {

    private final Long currentVersion;

    public ConflictException(String message, Long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public Long currentVersion() {
        return currentVersion;
    }
}
