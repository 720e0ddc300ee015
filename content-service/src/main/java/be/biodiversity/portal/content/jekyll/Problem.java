package be.biodiversity.portal.content.jekyll;

/**
 * Something the importer found wrong with a file. A warning is the site's own problem, reported and imported as
 * Jekyll would build it. An error concerns that file alone and the rest of the site is imported; its
 * {@code action} says what was done with the file: {@value #SKIPPED} (not imported), {@value #STRIPPED} (imported
 * with the unsafe markup removed), {@value #IMPORTED} (imported anyway, e.g. an include that is not allowed renders
 * empty) or {@value #KEPT} (the file's own setting is kept as written). With {@code strict=true} any error refuses
 * the whole import. An error without an action (none is made by the importer today) would refuse it too.
 *
 * @param line 1-based line in the file, or null when the problem is the file as a whole
 */
public record Problem(Severity severity, String file, Integer line, String message, String action) {

    public enum Severity { ERROR, WARNING }

    static final String SKIPPED = "skipped";
    static final String IMPORTED = "imported";
    static final String STRIPPED = "stripped";
    static final String KEPT = "kept";

    static Problem error(String file, Integer line, String message) {
        return new Problem(Severity.ERROR, file, line, message, null);
    }

    static Problem skipped(String file, Integer line, String message) {
        return new Problem(Severity.ERROR, file, line, message, SKIPPED);
    }

    static Problem imported(String file, Integer line, String message) {
        return new Problem(Severity.ERROR, file, line, message, IMPORTED);
    }

    static Problem stripped(String file, Integer line, String message) {
        return new Problem(Severity.ERROR, file, line, message, STRIPPED);
    }

    static Problem warning(String file, Integer line, String message) {
        return new Problem(Severity.WARNING, file, line, message, null);
    }

    /** An error that refuses the whole import; with {@code strict}, every error does. */
    public boolean refusesImport(boolean strict) {
        return severity == Severity.ERROR && (strict || action == null);
    }

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line) + ": " + message + (action == null ? "" : " (" + action + ")");
    }
}
