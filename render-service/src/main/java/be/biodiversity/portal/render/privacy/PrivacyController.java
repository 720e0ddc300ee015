package be.biodiversity.portal.render.privacy;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;

import be.biodiversity.portal.render.site.ProblemView;
import be.biodiversity.portal.render.site.SiteLanguages;

/**
 * The privacy statement ({@code /privacy}, {@code /nl/privacy}, {@code /da/privacy}): the portal's own practice, in
 * the name of the site that runs it ({@code privacy.name} of its {@code _config.yml}, else its title), with its
 * contact ({@code privacy.contactEmail}, else {@code email}).
 */
@Controller
class PrivacyController {

    private final SiteLanguages languages;

    PrivacyController(SiteLanguages languages) {
        this.languages = languages;
    }

    record LanguageLink(String lang, String href, boolean current) {
    }

    record PrivacyView(String lang, String home, List<LanguageLink> languageLinks, String contactEmail) {
    }

    @GetMapping({ "/privacy", "/{lang}/privacy" })
    Rendering privacy(@PathVariable(required = false) String lang) {
        String language = lang == null ? languages.defaultLanguage() : lang;
        if (lang != null && (lang.equals(languages.defaultLanguage()) || !languages.all().contains(lang))) {
            return Rendering.view("problem").status(HttpStatus.NOT_FOUND).modelAttribute("problem",
                    new ProblemView(languages.defaultLanguage(), "/", ProblemView.NOT_FOUND)).build();
        }
        List<LanguageLink> links = languages.all().stream()
                .map(other -> new LanguageLink(other, (other.equals(languages.defaultLanguage()) ? "" : "/" + other)
                        + "/privacy", other.equals(language)))
                .toList();
        return Rendering.view("privacy").modelAttribute("privacy", new PrivacyView(language, languages.home(language),
                links, languages.site().privacyContact())).build();
    }
}
