package be.biodiversity.portal.content.data;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import be.biodiversity.portal.content.yaml.Yaml;

import be.biodiversity.portal.content.language.SiteLanguages;

import static org.assertj.core.api.Assertions.assertThat;

class SiteSettingsReaderTests {

    /** Shaped as hp-template's: rootLang, many declared languages, a colour, email given twice (the last counts). */
    private static final String TEMPLATE_CONFIG = """
            title: Template_site
            email: your-email@example.com
            description: >-
              Write an awesome description for your new site here.
            url: "https://template_site.hp.gbif.org/"
            email: info@gbif.org
            algae:
              rootLang: en
              style:
                colors:
                  primary: "#fa5e97"
            defaults:
              - scope:
                  path: ""
                values:
                  lang: en
              - scope:
                  path: "_posts/da"
                values:
                  lang: da
            """;

    private static final String TEMPLATE_LANGUAGES = """
            en:
              label: English
            da:
              label: Dansk
            es:
              label: Español
            zh-tw:
              label: 繁體中文
            """;

    /** Shaped as GBIF.be's: its privacy keys at the top level (privacy: left empty), a logo, de declared unwritten. */
    private static final String GBIF_BE_CONFIG = """
            title: GBIF.be
            email: gbif@biodiversity.be
            url: "https://gbif.biodiversity.be"
            privacy:
            name: Belgian Biodiversity Platform
            contactEmail: privacy@biodiversity.be
            algae:
              logo: /assets/images/logos/gbif-be-logo.png
              style:
                colors:
                  primary: "#0000ff"
            defaults:
              - scope:
                  path: ""
                values:
                  lang: en
              - scope:
                  path: "fr/"
                values:
                  lang: fr
              - scope:
                  path: "nl/"
                values:
                  lang: nl
            """;

    private static Map<?, ?> yaml(String text) {
        return (Map<?, ?>) Yaml.load(text, 1);
    }

    @Test
    void theTemplatesIdentityAndTheLanguagesItHasPagesIn() {
        SiteSettings site = SiteSettingsReader.read("default", yaml(TEMPLATE_CONFIG), yaml(TEMPLATE_LANGUAGES),
                List.of("en", "nl", "fr"), List.of("en", "da"));
        assertThat(site.title()).isEqualTo("Template_site");
        assertThat(site.email()).isEqualTo("info@gbif.org");
        assertThat(site.url()).isEqualTo("https://template_site.hp.gbif.org/");
        assertThat(site.primaryColor()).isEqualTo("#fa5e97");
        assertThat(site.privacy().contactEmail()).isEqualTo("info@gbif.org");
        assertThat(site.defaultLanguage()).isEqualTo("en");
        assertThat(site.languages()).containsExactly(new SiteSettings.Language("en", "English"),
                new SiteSettings.Language("da", "Dansk"));
    }

    @Test
    void gbifBeKeepsItsThreeLanguagesAndItsPrivacyOwner() {
        SiteSettings site = SiteSettingsReader.read("default", yaml(GBIF_BE_CONFIG),
                yaml("en:\n  label: English\nfr:\n  label: Français\nnl:\n  label: Nederlands\nde:\n  label: Deutsch\n"),
                List.of("en"), List.of("nl", "en", "fr"));
        assertThat(site.codes()).containsExactly("en", "fr", "nl");
        assertThat(site.privacy()).isEqualTo(new SiteSettings.Privacy("Belgian Biodiversity Platform",
                "privacy@biodiversity.be"));
        assertThat(site.logo()).isEqualTo("/assets/images/logos/gbif-be-logo.png");
    }

    @Test
    void withoutPagesEveryDeclaredLanguageIsTheSites() {
        SiteSettings site = SiteSettingsReader.read("default", yaml(TEMPLATE_CONFIG), yaml(TEMPLATE_LANGUAGES),
                List.of("en"), List.of());
        assertThat(site.codes()).containsExactly("en", "da", "es", "zh-tw");
    }

    @Test
    void aSiteThatDeclaresNothingHasTheConfiguredLanguages() {
        SiteSettings site = SiteSettingsReader.read("default", Map.of(), Map.of(), List.of("nl", "fr"), List.of("fr"));
        assertThat(site.defaultLanguage()).isEqualTo("nl");
        assertThat(site.codes()).containsExactly("nl", "fr");
        assertThat(site.languages().get(0).name()).isNull();
    }

    @Test
    void junkIsLeftOut() {
        SiteSettings site = SiteSettingsReader.read("default",
                yaml("title: [not, text]\nalgae:\n  rootLang: \"../etc\"\n  style:\n    colors:\n      primary: \"red;}body{\"\n"),
                yaml("\"<script>\":\n  label: x\nDE_at:\n  label: Österreichisch\n"), List.of("en"), List.of());
        assertThat(site.title()).isNull();
        assertThat(site.primaryColor()).isNull();
        assertThat(site.codes()).containsExactly("de-at");
    }

    @Test
    void theLanguagesOfTheLastImportAreTheOnesShown() {
        SiteSettings read = SiteSettingsReader.read("default", yaml(TEMPLATE_CONFIG), yaml(TEMPLATE_LANGUAGES),
                List.of("en"), List.of("en", "da", "de"));
        SiteLanguages imported = new SiteLanguages("default", "da", List.of("da", "en", "de", "sv"),
                Map.of("sv", "Svenska"), List.of(), "_config.yml", null);

        SiteSettings site = SiteSettingsReader.withImported(read, imported, List.of("en", "da", "de"));

        assertThat(site.defaultLanguage()).isEqualTo("da");
        assertThat(site.codes()).as("sv has no page, so it is not shown").containsExactly("da", "en", "de");
        assertThat(site.languages().get(0).name()).isEqualTo("Dansk");
        assertThat(site.title()).isEqualTo(read.title());
    }

    @Test
    void beforeAnyImportTheSettingsStayAsRead() {
        SiteSettings read = SiteSettingsReader.read("default", Map.of(), Map.of(), List.of("nl", "fr"), List.of("fr"));
        SiteLanguages fromSettings = new SiteLanguages("default", "en", List.of("en"), Map.of(), List.of(),
                "settings", null);

        assertThat(SiteSettingsReader.withImported(read, fromSettings, List.of("fr"))).isSameAs(read);
    }
}
