package be.biodiversity.portal.render.text;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names in the order a reader of the language expects them. */
class ByNameTests {

    @Test
    void accentedNamesStandBesideTheirLettersAndNoNameGoesLast() {
        List<String> names = Arrays.asList("Zoologie", null, "Écologie", "ecologie b", "Botanique");
        assertThat(ByName.sorted(names.stream(), name -> name, "fr"))
            .containsExactly("Botanique", "Écologie", "ecologie b", "Zoologie", null);
    }
}
