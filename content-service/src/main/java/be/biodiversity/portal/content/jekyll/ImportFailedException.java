package be.biodiversity.portal.content.jekyll;

/** An import with errors: answered with 422 and the report; nothing was stored. */
public class ImportFailedException extends RuntimeException {

    private final ImportReport report;

    ImportFailedException(ImportReport report) {
        super(report.errors() + " error(s) in " + report.source() + ", nothing imported; first: "
                + report.problems().stream().filter(Problem::refusesImport).findFirst()
                        .map(Problem::toString).orElse("?"));
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
