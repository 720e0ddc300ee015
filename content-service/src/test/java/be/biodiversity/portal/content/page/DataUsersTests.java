package be.biodiversity.portal.content.page;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which pages a data-file write has to check: those whose Liquid may read the file. */
class DataUsersTests {

    @Test
    void aPageReadsADataFileWhenItNamesItOrTheWholeData() {
        assertThat(DataUsers.mentions("{{ site.data.knobs.k }}", "knobs")).isTrue();
        assertThat(DataUsers.mentions("{{ site.data.fr.knobs.k }}", "knobs")).isTrue();
        assertThat(DataUsers.mentions("{% for f in site.data %}", "knobs")).isTrue();
        assertThat(DataUsers.mentions("{{ site.data[\"knobs\"] }}", "knobs")).isTrue();
        assertThat(DataUsers.mentions("{{ site.data.nav.knobs2 }} {{ site.data.knobs2 }}", "knobs")).isFalse();
        assertThat(DataUsers.mentions("{{ site.data.a.b }}", "a/b")).isTrue();
    }
}
