package be.biodiversity.portal.render.directory;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** GBIF.be's hand-kept logo tables shown from directory-service (the community page's members and partners). */
class LogoTablesTests {

    /** As kramdown writes GBIF.be's community table (a cut: two known organisations, one unknown). */
    private static final String BODY = """
            <h2 id="leden">Belgische BIF members</h2>
            <p>Zoals je ziet.</p>
            <table class="table"><tbody><tr>
            <td><a href="https://www.naturalsciences.be/en"><img src="/assets/images/logos/RBINS.png" alt="RBINS" height="60px" width="180px"></a></td>
            <td><a href="https://www.vlaanderen.be/inbo/home/"><img src="/assets/images/logos/INBO.png" alt="INBO"></a></td>
            <td><a href="https://www.example.org/"><img src="/assets/images/logos/X.png" alt="Xyz"></a></td>
            </tr><tr><td></td></tr></tbody></table>
            <table><tr><td>Leden</td><td>5</td></tr></table>""";

    private static final List<Organisation> ORGANISATIONS = List.of(
            new Organisation("k-rbins", "rbins", "RBINS", Map.of("en", "Royal Belgian Institute of Natural Sciences",
                    "nl", "Koninklijk Belgisch Instituut voor Natuurwetenschappen"), "https://www.naturalsciences.be/en"),
            new Organisation("k-inbo", "inbo", "INBO", Map.of("en", "Research Institute for Nature and Forest",
                    "nl", "Instituut voor Natuur- en Bosonderzoek"), "https://www.vlaanderen.be/inbo/home"),
            new Organisation("k-evil", "evil", null, Map.of("en", "Evil"), "javascript:alert(1)"));

    @Test
    void aTableOfLogosOfKnownOrganisationsBecomesTheirCardsWithFullNamesInThePagesLanguage() {
        String html = LogoTables.replace(BODY, ORGANISATIONS, "nl", "/nl");
        assertThat(html).contains("<h2 id=\"leden\">Belgische BIF members</h2>", "<p>Zoals je ziet.</p>",
                "<ul class=\"logo-cards directory-logos\">",
                "<a href=\"/nl/publisher/k-rbins\"><img src=\"/assets/images/logos/RBINS.png\" alt=\"\" loading=\"lazy\" class=\"logo\">"
                        + "<span class=\"name\">Koninklijk Belgisch Instituut voor Natuurwetenschappen</span></a>",
                "<a href=\"/nl/publisher/k-inbo\">", "Instituut voor Natuur- en Bosonderzoek",
                "<a href=\"https://www.example.org/\" rel=\"external noopener\"><img src=\"/assets/images/logos/X.png\"",
                "<span class=\"name\">Xyz</span>");
        assertThat(html).as("a table that is not all logos stays").contains("<td>Leden</td>");
        assertThat(html).doesNotContain("class=\"table\"", "javascript:");
    }

    @Test
    void theDefaultLanguageLinksWithoutPrefixAndATableOfUnknownLogosStaysAsWritten() {
        assertThat(LogoTables.replace(BODY, ORGANISATIONS, "en", "/"))
            .contains("<a href=\"/publisher/k-rbins\">", "Royal Belgian Institute of Natural Sciences");
        assertThat(LogoTables.replace(BODY, List.of(), "nl", "/nl")).isEqualTo(BODY);
        assertThat(LogoTables.mayHave(BODY)).isTrue();
        assertThat(LogoTables.mayHave("<table><tr><td>5</td></tr></table>")).isFalse();
    }
}
