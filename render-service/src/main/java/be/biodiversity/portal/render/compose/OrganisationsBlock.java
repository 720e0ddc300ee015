package be.biodiversity.portal.render.compose;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import be.biodiversity.portal.render.directory.DirectoryClient;
import be.biodiversity.portal.render.directory.Organisation;
import be.biodiversity.portal.render.site.SafeUrls;
import be.biodiversity.portal.render.site.SiteLanguages;
import be.biodiversity.portal.render.text.ByName;

/**
 * An {@code organisations} block: the organisations directory-service has with a role ({@code filters: {role:
 * MEMBER}}) and/or of a type ({@code filters: {type: UNIVERSITY}}, also written {@code university} or
 * {@code federal-institute}), sorted by their name in the page's language, each with its logo (or initials) and a
 * link to its publisher page. A block with no filter, or a value directory-service does not know, is left out.
 */
@Component
class OrganisationsBlock {

    static final Set<String> ROLES = Set.of("MEMBER", "PARTNER", "PUBLISHER");
    static final Set<String> TYPES = Set.of("FEDERAL_INSTITUTE", "REGIONAL_AUTHORITY", "UNIVERSITY",
            "MUSEUM_OR_BOTANIC_GARDEN", "NGO", "INTERNATIONAL_NETWORK", "OTHER");
    private static final int ACRONYM_AS_INITIALS = 5;
    private static final Logger logger = LoggerFactory.getLogger(OrganisationsBlock.class);

    private final DirectoryClient directory;
    private final SiteLanguages languages;

    OrganisationsBlock(DirectoryClient directory, SiteLanguages languages) {
        this.directory = directory;
        this.languages = languages;
    }

    Mono<BlockView> block(BlockOptions options, BlockIntro intro, String lang) {
        String role = options.code("role");
        String type = options.code("type");
        if ((role == null && type == null) || (role != null && !ROLES.contains(role))
                || (type != null && !TYPES.contains(type))) {
            logger.warn("Organisations block left out: it needs filters role (one of {}) and/or type (one of {}), "
                    + "not role {}, type {}", ROLES, TYPES, role, type);
            return Mono.empty();
        }
        return directory.organisations(role, type)
            .map((organisations) -> new BlockView("organisations", intro.title(), intro.descriptionHtml(),
                    cards(organisations, lang), null, null, false, List.of()))
            .onErrorResume((ex) -> {
                logger.warn("Organisations block without its organisations: {}", ex.getMessage());
                return Mono.just(BlockView.unavailable("organisations", intro));
            });
    }

    private List<BlockView.Card> cards(List<Organisation> organisations, String lang) {
        String prefix = languages.home(lang).equals("/") ? "" : languages.home(lang);
        return ByName.sorted(organisations.stream()
            .filter((organisation) -> organisation.key() != null)
            .map((organisation) -> {
                String name = organisation.name(lang);
                String logo = SafeUrls.image(organisation.logoUrl());
                return new BlockView.Card(name, null, logo, prefix + "/publisher/" + UriUtils.encodePathSegment(organisation.key(), StandardCharsets.UTF_8),
                        organisation.acronym(), logo == null ? initials(organisation, name) : null, null);
            }), BlockView.Card::title, lang);
    }

    private static String initials(Organisation organisation, String name) {
        String acronym = organisation.acronym();
        return acronym != null && !acronym.isBlank() && acronym.strip().length() <= ACRONYM_AS_INITIALS
                ? acronym.strip() : Initials.of(name, 3, false);
    }
}
