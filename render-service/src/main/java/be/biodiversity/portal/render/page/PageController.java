package be.biodiversity.portal.render.page;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import be.biodiversity.portal.render.cache.PageCacheFilter;
import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.Page;
import be.biodiversity.portal.render.content.ContentUnavailableException;
import be.biodiversity.portal.render.compose.BlockView;
import be.biodiversity.portal.render.compose.SideNavigation;
import be.biodiversity.portal.render.compose.CompositionAssembler;
import be.biodiversity.portal.render.compose.LayoutCompositions;
import be.biodiversity.portal.render.news.NewsAssembler;
import be.biodiversity.portal.render.site.SafeUrls;
import be.biodiversity.portal.render.site.SiteLanguages;
import be.biodiversity.portal.render.site.SitePath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import be.biodiversity.portal.render.site.ProblemView;

/**
 * Every page of the site: {@code /community} (English), {@code /nl/community}, {@code /fr/community}.
 * Actuator and {@code /assets/portal/**} are mapped before this catch-all.
 */
@Controller
class PageController {

    private static final Logger logger = LoggerFactory.getLogger(PageController.class);

    private final ContentClient content;

    private final PageAssembler assembler;

    private final SiteLanguages languages;

    private final NewsAssembler news;

    private final CompositionAssembler composition;

    PageController(ContentClient content, PageAssembler assembler, SiteLanguages languages, NewsAssembler news,
            CompositionAssembler composition) {
        this.content = content;
        this.assembler = assembler;
        this.languages = languages;
        this.news = news;
        this.composition = composition;
    }

    /** The page and the site's navigation and footer are asked for at the same time. */
    @GetMapping("/**")
    Mono<Rendering> page(ServerWebExchange exchange, Model model) {
        return pageOf(exchange).zipWith(SiteChromeAdvice.started(model).then(Mono.just(true)),
                (rendering, chrome) -> rendering);
    }

    /**
     * An editor's preview ({@code /preview/{id}}, the link content-service gave for a draft or an unsaved edit): the
     * page as it would be published, with a banner saying it is not, for whoever holds the link; never kept by any
     * cache, not for search engines, and the link is not sent on as a referrer.
     */
    @GetMapping("/preview/{id:[A-Za-z0-9_-]{32}}")
    Mono<Rendering> preview(@PathVariable String id, ServerWebExchange exchange, Model model) {
        exchange.getResponse().getHeaders().set(PageCacheFilter.PRIVATE, "true");
        exchange.getResponse().getHeaders().set("X-Robots-Tag", "noindex, nofollow");
        exchange.getResponse().getHeaders().set("Referrer-Policy", "no-referrer");
        Mono<Rendering> rendering = this.content.preview(id)
            .flatMap((page) -> render(page, new SitePath(page.lang(), page.permalink()), exchange, null, true))
            .switchIfEmpty(Mono.fromSupplier(() -> problem(new SitePath(this.languages.defaultLanguage(), "/"),
                    HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND)))
            .onErrorResume(ContentUnavailableException.class, (ex) -> Mono.just(problem(
                    new SitePath(this.languages.defaultLanguage(), "/"), HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemView.UNAVAILABLE)));
        return rendering.zipWith(SiteChromeAdvice.started(model).then(Mono.just(true)), (page, chrome) -> page);
    }

    private Mono<Rendering> pageOf(ServerWebExchange exchange) {
        SitePath site = this.languages.ofRequest(exchange.getRequest().getPath().pathWithinApplication().value());
        if (!SiteLanguages.isClean(site.path())) {
            return Mono.just(problem(site, HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND));
        }
        return this.content.page(site.language(), site.path())
            .flatMap((page) -> render(page, site, exchange, null, false))
            .switchIfEmpty(Mono.defer(() -> inDefaultLanguage(site, exchange)))
            .switchIfEmpty(Mono.fromSupplier(() -> problem(site, HttpStatus.NOT_FOUND, ProblemView.NOT_FOUND)))
            .onErrorResume(ContentUnavailableException.class, (ex) -> {
                logger.warn("Cannot render {}: {}", site.path(), ex.getMessage());
                return Mono.just(problem(site, HttpStatus.SERVICE_UNAVAILABLE, ProblemView.UNAVAILABLE));
            });
    }

    /**
     * The page's parts that depend on it (translations, directory lists, composed blocks, news) are asked for
     * at the same time.
     */
    private Mono<Rendering> render(Page page, SitePath site, ServerWebExchange exchange, Fallback fallback,
            boolean preview) {
        Mono<PageView> view = this.assembler.assemble(page, site.language(), site.path());
        Mono<Consumer<Rendering.Builder<?>>> blocks = withBlocks(page, site);
        Mono<Consumer<Rendering.Builder<?>>> news = withNews(page, site, exchange);
        return Mono.zip(view, blocks, news).map((parts) -> {
            usedBy(exchange, page, site, parts.getT1());
            Rendering.Builder<?> rendering = Rendering.view("page").modelAttribute("page", parts.getT1())
                .modelAttribute("noindex", preview || page.noindex())
                .modelAttribute("preview", preview)
                .modelAttribute("fallback", (fallback != null) ? fallback : Fallback.NONE);
            if (parts.getT1().partial()) {
                rendering.header(PageCacheFilter.DEGRADED, "true");
            }
            parts.getT2().accept(rendering);
            parts.getT3().accept(rendering);
            return rendering.build();
        });
    }

    /**
     * What the page is made of, for the page cache to forget it when any of it changes: its content path and those
     * of its language versions; the post listings when it shows one (archive, related posts, latest posts).
     */
    private void usedBy(ServerWebExchange exchange, Page page, SitePath site, PageView view) {
        List<String> uses = new java.util.ArrayList<>();
        uses.add(site.path());
        uses.add(page.permalink());
        view.languageLinks().forEach((link) -> uses.add(link.href()));
        if (page.isArchive() || page.isPost() || showsLatestPosts(page)) {
            uses.add(PageCacheFilter.POSTS);
        }
        if (page.isPost()) {
            uses.add(PageCacheFilter.POST);
        }
        PageCacheFilter.uses(exchange, uses);
    }

    private static boolean showsLatestPosts(Page page) {
        List<Map<String, Object>> composition = LayoutCompositions.of(page);
        return composition != null && composition.stream()
            .anyMatch((block) -> block != null && "latestPosts".equals(block.get("type")));
    }

    /**
     * A page missing in the visitor's language, shown in the default language when it has one at the same path
     * without the language prefix ({@code /nl/team} → {@code /team}), with a notice in the visitor's language.
     */
    private Mono<Rendering> inDefaultLanguage(SitePath site, ServerWebExchange exchange) {
        String fallbackLanguage = this.languages.defaultLanguage();
        String prefix = "/" + site.language();
        if (site.language().equals(fallbackLanguage) || !site.path().startsWith(prefix)) {
            return Mono.empty();
        }
        String path = site.path().length() == prefix.length() ? "/" : site.path().substring(prefix.length());
        return this.content.page(fallbackLanguage, path)
            .flatMap((page) -> render(page, new SitePath(fallbackLanguage, path), exchange,
                    new Fallback(site.language(), fallbackLanguage), false));
    }

    /** A page shown in another language than the visitor's; {@link #NONE} when it is in theirs. */
    public record Fallback(String visitorLanguage, String contentLanguage) {

        static final Fallback NONE = new Fallback(null, null);

        public boolean shown() {
            return this.visitorLanguage != null;
        }
    }

    /** The theme's composed blocks and the hero's buttons, from the front matter. */
    private Mono<Consumer<Rendering.Builder<?>>> withBlocks(Page page, SitePath site) {
        Page.FrontMatter front = page.shownFrontMatter();
        List<BlockView.Button> buttons = (front == null || front.cta() == null) ? List.of() : front.cta()
            .stream()
            .filter((cta) -> cta != null && cta.text() != null && SafeUrls.link(cta.href()) != null)
            .map((cta) -> new BlockView.Button(cta.text(), SafeUrls.link(cta.href()), Boolean.TRUE.equals(cta.isPrimary())))
            .toList();
        Mono<java.util.Optional<List<BlockView>>> composed = this.composition.blocks(page, site.language())
            .map(java.util.Optional::of)
            .defaultIfEmpty(java.util.Optional.empty());
        Mono<SideNavigation> side = this.composition.sideNavigation(page, site.language(), site.path());
        return Mono.zip(composed, side).map((parts) -> (Consumer<Rendering.Builder<?>>) (rendering) -> {
            rendering.modelAttribute("heroButtons", buttons);
            rendering.modelAttribute("sideNavigation", parts.getT2());
            rendering.modelAttribute("toc", (front != null && front.wantsToc()) ? page.tocList() : List.of());
            rendering.modelAttribute("author", (front != null) ? front.authorName() : null);
            parts.getT1().ifPresent((blocks) -> {
                if (blocks.stream().anyMatch(BlockView::unavailable)) {
                    rendering.header(PageCacheFilter.DEGRADED, "true");
                }
                rendering.modelAttribute("blocks", blocks);
            });
        });
    }

    /** An archive page lists the posts; a post shows its date, categories and related posts. */
    private Mono<Consumer<Rendering.Builder<?>>> withNews(Page page, SitePath site, ServerWebExchange exchange) {
        if (page.isArchive()) {
            String category = exchange.getRequest().getQueryParams().getFirst("category");
            return this.news.archive(site.language(), site.path(), category, pageNumber(exchange))
                .map((archive) -> (rendering) -> {
                    if (!archive.available()) {
                        rendering.header(PageCacheFilter.DEGRADED, "true");
                    }
                    rendering.modelAttribute("archive", archive);
                });
        }
        if (page.isPost()) {
            return archivePath(site.language()).flatMap((archive) -> this.news.post(page, site.language(), archive))
                .map((post) -> (rendering) -> {
                    if (!post.relatedAvailable()) {
                        rendering.header(PageCacheFilter.DEGRADED, "true");
                    }
                    rendering.modelAttribute("post", post);
                });
        }
        return Mono.just((rendering) -> {
        });
    }

    /**
     * The language's news archive (its page with the {@code archive} layout, as the theme's
     * {@code archive_permalink} names it), else {@code /news} under the language's prefix; also when content-service
     * cannot say.
     */
    private Mono<String> archivePath(String lang) {
        String usual = (lang.equals(this.languages.defaultLanguage()) ? "" : "/" + lang) + "/news";
        return this.content.archivePermalink(lang).map((found) -> found.isEmpty() ? usual : found)
            .onErrorReturn(usual).defaultIfEmpty(usual);
    }

    /** The archive's page number ({@code ?page=2}); 1 when absent or not a number (the assembler bounds it). */
    private static long pageNumber(ServerWebExchange exchange) {
        try {
            String value = exchange.getRequest().getQueryParams().getFirst("page");
            return value == null ? 1 : Math.max(1, Long.parseLong(value));
        }
        catch (NumberFormatException ex) {
            return 1;
        }
    }

    private Rendering problem(SitePath site, HttpStatus status, String messageKey) {
        ProblemView problem = new ProblemView(site.language(), this.languages.home(site.language()), messageKey);
        return Rendering.view("problem").status(status).modelAttribute("problem", problem).build();
    }
}
