package be.biodiversity.portal.content.jekyll;

/**
 * Something the importer found wrong with a file. A warning is the site's own problem, reported and imported as
 * Jekyll would build it. An error without an {@code action} stops the import (nothing is written); an error with
 * one concerns that file alone and the rest of the site is imported: {@value #SKIPPED} (the file is not imported;
 * a version imported earlier stays as it was) or {@value #IMPORTED} (imported anyway, e.g. an include that is
 * not allowed renders empty).
 *
 * @param line 1-based line in the file, or null when the problem is the file as a whole
 */
public record Problem(Severity severity, String file, Integer line, String message, String action) {

    public enum Severity { ERROR, WARNING }

    static final String SKIPPED = "skipped";
    static final String IMPORTED = "imported";

    static Problem error(String file, Integer line, String message) {
        return new Problem(Severity.ERROR, file, line, message, null);
    }

    static Problem skipped(String file, Integer line, String message) {
        return new Problem(Severity.ERROR, file, line, message, SKIPPED);
    }

    static Problem imported(String file, Integer line, String message) {
        return new Problem(Severity.ERROR, file, line, message, IMPORTED);
    }

    static Problem warning(String file, Integer line, String message) {
        return new Problem(Severity.WARNING, file, line, message, null);
    }

    /** An error that refuses the whole import. */
    public boolean refusesImport() {
        return severity == Severity.ERROR && action == null;
    }

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + ": " + message + (action == null ? "" : " (" + action + ")");
    }
}
