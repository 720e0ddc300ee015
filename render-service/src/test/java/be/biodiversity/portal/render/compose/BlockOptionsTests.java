package be.biodiversity.portal.render.compose;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** How a composition entry and the site data it names give a block its options, and initials for no picture. */
class BlockOptionsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theEntrysOwnValuesWinOverTheSiteDataItNames() {
        BlockOptions options = BlockOptions.of(Map.of("type", "people", "data", "node.team", "title", "Ons team"))
            .withData(json.readTree("{\"title\": \"Team\", \"description\": \"Wie we zijn\", "
                    + "\"filters\": {\"category\": [\"contact\"], \"current\": \"false\"}}"));
        assertThat(options.dataReference()).isEqualTo("node.team");
        assertThat(options.text("title")).isEqualTo("Ons team");
        assertThat(options.text("description")).as("from the site data").isEqualTo("Wie we zijn");
        assertThat(options.code("category")).as("first of a list, as a code").isEqualTo("CONTACT");
        assertThat(options.flag("current")).isFalse();
    }

    @Test
    void filtersAreReadAsTheProvidersCodes() {
        BlockOptions options = BlockOptions.of(Map.of("type", "organisations", "limit", "x",
                "filters", Map.of("type", "federal institute", "role", List.of("member"), "current", "maybe")));
        assertThat(options.code("type")).isEqualTo("FEDERAL_INSTITUTE");
        assertThat(options.code("role")).isEqualTo("MEMBER");
        assertThat(options.flag("current")).as("neither true nor false").isNull();
        assertThat(options.number("limit", 3)).as("not a number: the default").isEqualTo(3);
        assertThat(options.filter("category")).isNull();
    }

    @Test
    void initialsSkipLowerCaseWordsAndKeepFirstAndLastForAPerson() {
        assertThat(Initials.of("Marie-Claire van den Broeck", 2, true)).isEqualTo("MB");
        assertThat(Initials.of("Jan Janssens", 2, true)).isEqualTo("JJ");
        assertThat(Initials.of("Koninklijk Belgisch Instituut voor Natuurwetenschappen", 3, false))
            .isEqualTo("KBI");
        assertThat(Initials.of("université de Liège", 3, false)).isEqualTo("L");
        assertThat(Initials.of("é", 3, false)).isEqualTo("É");
    }
}
