package be.biodiversity.portal.content.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PackedTextTests {

    @Test
    void aPagesTextComesBackWhole() {
        String text = "Biodiversity data from Belgian publishers — « données ouvertes », Œuvre, 生物多样性 🦋\n".repeat(40);
        PackedText packed = PackedText.of(text);
        assertThat(packed.text()).isEqualTo(text);
        assertThat(packed.size()).as("kept deflated").isLessThan(text.length() / 3);
        assertThat(PackedText.of("").text()).isEmpty();
        assertThat(PackedText.of(null).text()).isEmpty();
        assertThat(PackedText.of("a").text()).isEqualTo("a");
    }

    @Test
    void anEntryShowsItsSnippetFromThePackedText() {
        SiteEntry entry = SiteEntry.of("p1", 1, "default", "en", "page", "/about", "About", "What we do", null,
                java.util.List.of("Mission"), "The Belgian node publishes occurrence data.");
        assertThat(entry.text()).isEqualTo("The Belgian node publishes occurrence data.");
        assertThat(entry.packedText()).isEqualTo(PackedText.of("The Belgian node publishes occurrence data."));
    }
}
