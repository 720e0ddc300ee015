package be.biodiversity.portal.render.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.Page;
import be.biodiversity.portal.render.content.Translation;
import be.biodiversity.portal.render.directory.DirectoryClient;
import be.biodiversity.portal.render.directory.LogoTables;
import be.biodiversity.portal.render.directory.Organisation;
import be.biodiversity.portal.render.page.PageView.Alternate;
import be.biodiversity.portal.render.page.PageView.LanguageLink;
import be.biodiversity.portal.render.page.PageView.OrganisationBlock;
import be.biodiversity.portal.render.page.PageView.OrganisationItem;
import be.biodiversity.portal.render.site.SafeUrls;
import be.biodiversity.portal.render.site.SiteLanguages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import be.biodiversity.portal.render.text.ByName;
import be.biodiversity.portal.render.text.Markdown;

/**
 * Turns a content-service page into a {@link PageView}, fetching its translations and directory
 * lists in parallel. Neither is essential: when one fails the page is shown without it.
 */
@Component
class PageAssembler {

    private static final Logger logger = LoggerFactory.getLogger(PageAssembler.class);

    private final ContentClient content;

    private final DirectoryClient directory;

    private final SiteLanguages languages;

    private final Markdown markdown;

    PageAssembler(ContentClient content, DirectoryClient directory, SiteLanguages languages, Markdown markdown) {
        this.content = content;
        this.directory = directory;
        this.languages = languages;
        this.markdown = markdown;
    }

    Mono<PageView> assemble(Page page, String lang, String path) {
        // content-service's html has been through its sanitizer and is held to our URL policy; a body without it is
        // rendered (and escaped) here
        String body = (page.html() != null) ? ContentHtml.safe(page.html()) : this.markdown.toHtml(page.body());
        return Mono.zip(translations(page), blocks(page, lang), logoTables(page, body, lang))
            .map((parts) -> view(page, lang, path, parts.getT1(), parts.getT2(), parts.getT3()));
    }

    /**
     * The body with its hand-kept logo tables shown from directory-service (members and partners with their logos
     * and full names in the page's language); as written when it has none or directory-service cannot be asked.
     */
    private Mono<String> logoTables(Page page, String body, String lang) {
        if (!LogoTables.mayHave(body)) {
            return Mono.just(body);
        }
        return Mono.zip(this.directory.organisations("MEMBER"), this.directory.organisations("PARTNER"))
            .map((found) -> {
                List<Organisation> all = new ArrayList<>(found.getT1());
                all.addAll(found.getT2());
                return LogoTables.replace(body, all, lang, this.languages.home(lang));
            })
            .onErrorResume((ex) -> {
                logger.warn("Rendering {} with its logo tables as written: {}", page.permalink(), ex.getMessage());
                return Mono.just(body);
            });
    }

    /** Translations, or nothing with {@code failed} set when content-service could not tell. */
    private record Versions(List<Translation> translations, boolean failed) {
    }

    private Mono<Versions> translations(Page page) {
        if (page.translationKey() == null || page.translationKey().isBlank()) {
            return Mono.just(new Versions(List.of(), false));
        }
        return this.content.translations(page.translationKey()).map((list) -> new Versions(list, false))
            .onErrorResume((ex) -> {
                logger.warn("Rendering {} without language switch: {}", page.permalink(), ex.getMessage());
                return Mono.just(new Versions(List.of(), true));
            });
    }

    private Mono<List<OrganisationBlock>> blocks(Page page, String lang) {
        return Flux.fromIterable(page.directoryBlocks())
            .flatMapSequential((block) -> this.directory.organisations(block.role().toUpperCase(Locale.ROOT))
                .map((organisations) -> new OrganisationBlock(block.title(), true, items(organisations, lang)))
                .onErrorResume((ex) -> {
                    logger.warn("Rendering {} without {} list: {}", page.permalink(), block.role(), ex.getMessage());
                    return Mono.just(OrganisationBlock.unavailable(block.title()));
                }))
            .collectList();
    }

    /** {@code path} is the requested path, normalised and clean (see {@link SiteLanguages#isClean}): the canonical. */
    private PageView view(Page page, String lang, String path, Versions fetched, List<OrganisationBlock> blocks,
            String bodyHtml) {
        List<Translation> versions = versions(fetched.translations(), lang, path, page.shownTitle());
        boolean partial = fetched.failed() || blocks.stream().anyMatch((block) -> !block.available());
        List<Alternate> alternates = new ArrayList<>();
        List<LanguageLink> links = new ArrayList<>();
        if (versions.size() > 1) {
            for (Translation version : versions) {
                alternates.add(new Alternate(version.lang(), absolute(version.permalink())));
                links.add(new LanguageLink(version.lang(), version.permalink(), version.lang().equals(lang)));
                if (version.lang().equals(this.languages.defaultLanguage())) {
                    alternates.add(new Alternate("x-default", absolute(version.permalink())));
                }
            }
        }
        return new PageView(lang, this.languages.home(lang), page.shownTitle(), page.shownDescription(),
                SafeUrls.image(page.shownHeroImage()), this.markdown.toInlineHtml(page.shownHeroImageCredit()),
                bodyHtml, absolute(path), alternates, links, blocks, partial,
                PageView.lines(page.shownDescription()).stream().map(this.markdown::toInlineHtml)
                    .filter(java.util.Objects::nonNull).toList());
    }

    /** The translations in the site's languages, in the site's order, this page always among them. */
    private List<Translation> versions(List<Translation> translations, String lang, String path, String title) {
        List<Translation> versions = new ArrayList<>();
        for (String language : this.languages.all()) {
            if (language.equals(lang)) {
                versions.add(new Translation(lang, path, title));
                continue;
            }
            translations.stream()
                .filter((t) -> language.equals(t.lang()) && SafeUrls.isSitePath(t.permalink()))
                .map((t) -> new Translation(t.lang(), this.languages.resolve(t.permalink()).path(), t.title()))
                .filter((t) -> SiteLanguages.isClean(t.permalink()))
                .findFirst()
                .ifPresent(versions::add);
        }
        return versions;
    }

    private static List<OrganisationItem> items(List<Organisation> organisations, String lang) {
        return ByName.sorted(organisations.stream()
            .map((organisation) -> new OrganisationItem(organisation.name(lang), organisation.acronym(),
                    SafeUrls.web(organisation.homepage()))), OrganisationItem::name, lang);
    }

    private String absolute(String permalink) {
        return this.languages.site().absolute(permalink);
    }

}
