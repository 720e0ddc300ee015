package be.biodiversity.portal.render.cache;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** One key per query, however a visitor spells it. */
class QueryKeyTests {

    @Test
    void orderRepeatsBlanksAndSpacesMakeNoOtherKey() {
        MultiValueMap<String, String> spelled = new LinkedMultiValueMap<>();
        spelled.put("year", List.of("2020", " 2020 "));
        spelled.put("country", List.of("BE"));
        spelled.put("q", List.of(""));
        spelled.put("basisOfRecord", List.of("OBSERVATION", "HUMAN_OBSERVATION"));
        assertThat(QueryKey.of(spelled)).isEqualTo(QueryKey.of(Map.of("basisOfRecord",
                List.of("HUMAN_OBSERVATION", "OBSERVATION"), "country", List.of("BE"), "year", List.of("2020"))))
            .isEqualTo("?basisOfRecord=HUMAN_OBSERVATION&basisOfRecord=OBSERVATION&country=BE&year=2020");
    }

    @Test
    void valuesAreEncodedSoThatNoneCanJoinTwoParameters() {
        assertThat(QueryKey.of(Map.of("q", List.of("a&b=c")))).isEqualTo("?q=a%26b%3Dc");
        assertThat(QueryKey.of(Map.of("q", List.of("a"), "b", List.of("c")))).isNotEqualTo(QueryKey.of(Map.of("q",
                List.of("a&b=c"))));
        assertThat(QueryKey.of(Map.of())).isEqualTo(QueryKey.NONE);
    }
}
