package be.biodiversity.portal.content.jekyll;

import java.util.Optional;

/** An import refused as a whole ({@code strict=true} and an error): answered with 422 and the report; nothing stored. */
public class ImportFailedException extends RuntimeException {

    private final ImportReport report;

    ImportFailedException(ImportReport report) {
        super(report.errors() + " error(s) in " + report.source() + ", nothing imported (strict); first: "
                + first(report).map(Problem::toString).orElse("?"));
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }

    /** The first error of the report: the file and line a problem answer names. */
    public Optional<Problem> firstError() {
        return first(report);
    }

    private static Optional<Problem> first(ImportReport report) {
        return report.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst();
    }
}
