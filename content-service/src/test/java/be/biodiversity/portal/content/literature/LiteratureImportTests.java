package be.biodiversity.portal.content.literature;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiteratureImportTests {

    @Test
    void aRecordAsGbifPublishesItHasNoProblem() {
        assertThat(LiteratureImport.check(List.of(record("a", List.of("https://example.org/paper", "HTTP://EXAMPLE.ORG/x"),
                "10.5555/gbif-be.1", List.of("0001234-240101120000000"))))).isEmpty();
    }

    @Test
    void linksThatAreNoLinksAreRefusedNamingTheField() {
        // the portal links websites, DOIs (https://doi.org/…) and download keys (gbif.org/occurrence/download/…)
        assertThat(LiteratureImport.check(List.of(
                record("a", List.of("https://example.org/ok", "javascript:alert(1)"), null, null),
                record("b", List.of("https://example.org/\"><script>alert(1)</script>"), null, null),
                record("c", null, "javascript:alert(1)", null),
                record("d", null, null, List.of("\"><script>alert(1)</script>")))))
                .extracting(LiteratureImport.Problem::field)
                .containsExactly("results[0].websites", "results[1].websites", "results[2].identifiers.doi",
                        "results[3].gbifDownloadKey");
    }

    private static LiteratureRecord record(String id, List<String> websites, String doi, List<String> downloads) {
        return new LiteratureRecord(id, "A paper",
                null, 2024, null, "JOURNAL", null, null, null, null, null, doi == null ? null : Map.of("doi", doi),
                websites, null, downloads, false, null, null, null, null);
    }
}
