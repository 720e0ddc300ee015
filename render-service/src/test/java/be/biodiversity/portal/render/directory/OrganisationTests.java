package be.biodiversity.portal.render.directory;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationTests {

    @Test
    void nameInTheAskedLanguage() {
        assertThat(organisation(Map.of("en", "Meise Botanic Garden", "nl", "Plantentuin Meise")).name("nl"))
            .isEqualTo("Plantentuin Meise");
    }

    @Test
    void missingNameFallsBackToEnglish() {
        assertThat(organisation(Map.of("en", "Meise Botanic Garden", "fr", "Jardin botanique de Meise")).name("nl"))
            .isEqualTo("Meise Botanic Garden");
    }

    @Test
    void withoutEnglishAnyNameWillDo() {
        assertThat(organisation(Map.of("fr", "Jardin botanique de Meise", "nl", " ")).name("nl"))
            .isEqualTo("Jardin botanique de Meise");
    }

    @Test
    void withoutAnyNameTheAcronym() {
        assertThat(organisation(Map.of()).name("nl")).isEqualTo("MBG");
        assertThat(new Organisation("k", "meise", null, null, null).name("nl")).isEqualTo("meise");
    }

    private static Organisation organisation(Map<String, String> names) {
        return new Organisation("0b7e4d1c", "meise", "MBG", names, "https://www.plantentuinmeise.be");
    }

}
