package be.biodiversity.portal.content.jekyll;

/**
 * Something the importer found wrong with a file. An error stops the import (nothing is written); a warning
 * is the site's own problem, reported and imported as Jekyll would build it.
 *
 * @param line 1-based line in the file, or null when the problem is the file as a whole
 */
public record Problem(Severity severity, String file, Integer line, String message) {

    public enum Severity { ERROR, WARNING }

    static Problem error(String file, Integer line, String message) {
        return new Problem(Severity.ERROR, file, line, message);
    }

    static Problem warning(String file, Integer line, String message) {
        return new Problem(Severity.WARNING, file, line, message);
    }

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + ": " + message;
    }
}
