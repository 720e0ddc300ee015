package be.biodiversity.portal.content.literature;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncPropertiesTests {

    static SyncProperties queries(String... queries) {
        return new SyncProperties(List.of(queries), null, null, null, null, null, null);
    }

    @Test
    void aQueryIsGbifsOwnParameters() {
        assertThat(queries("countriesOfCoverage=BE&peerReview=true&literatureType=JOURNAL").parsedQueries())
                .singleElement().satisfies(q -> {
                    assertThat(q.getFirst("countriesOfCoverage")).isEqualTo("BE");
                    assertThat(q.getFirst("peerReview")).isEqualTo("true");
                    assertThat(q.getFirst("literatureType")).isEqualTo("JOURNAL");
                });
    }

    @Test
    void aParameterGbifDoesNotKnowOrPagingStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> queries("countriesOfResearcher=BE", "country=BE"))
                .hasMessageContaining("portal.content.literature.sync.queries[1]").hasMessageContaining("'country'");
        assertThatThrownBy(() -> queries("countriesOfResearcher=BE&limit=10")).hasMessageContaining("'limit'");
        assertThatThrownBy(() -> queries("countriesOfResearcher=")).hasMessageContaining("has no value");
        assertThatThrownBy(() -> new SyncProperties(List.of(), null, null, 1001, null, null, null))
                .hasMessageContaining("page-size");
    }
}
