package be.biodiversity.portal.render.content;

import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

import be.biodiversity.portal.render.cache.AnswerCache;

/**
 * Reads pages from content-service ({@code /api/content/v1/pages}).
 */
public class ContentClient {

    private static final ParameterizedTypeReference<List<Translation>> TRANSLATIONS = new ParameterizedTypeReference<>() {
    };

    private static final ParameterizedTypeReference<List<PostCategory>> CATEGORIES = new ParameterizedTypeReference<>() {
    };

    private final WebClient http;

    private final AnswerCache answers;

    public ContentClient(WebClient http) {
        this(http, AnswerCache.NONE);
    }

    /** A client that uses an answer again while content-service's site revision stays the same. */
    public ContentClient(WebClient http, AnswerCache answers) {
        this.http = http;
        this.answers = answers;
    }

    /**
     * The page at a permalink in a language; empty if content-service has no such page or refuses the path as one
     * no page can have (400: too long, control characters), a {@link ContentUnavailableException} if it cannot tell.
     */
    public Mono<Page> page(String lang, String path) {
        return this.answers.content("page " + lang + " " + path, AnswerCache.page(path), () -> fetchPage(lang, path));
    }

    private Mono<Page> fetchPage(String lang, String path) {
        // a 400 is a path no page can have (too long, control characters): no such page either
        return pageOrEmpty(this.http.get()
            .uri((uri) -> uri.path("/api/content/v1/pages")
                .queryParam("lang", "{lang}")
                .queryParam("path", "{path}")
                .build(lang, path)), HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
    }

    /** A page from content-service; empty on the statuses that mean "no such page". */
    private static Mono<Page> pageOrEmpty(WebClient.RequestHeadersSpec<?> request, HttpStatus... none) {
        return request
            .exchangeToMono((response) -> {
                if (Arrays.stream(none).anyMatch((status) -> response.statusCode().isSameCodeAs(status))) {
                    return response.releaseBody().then(Mono.empty());
                }
                if (response.statusCode().is2xxSuccessful()) {
                    return response.bodyToMono(Page.class);
                }
                return response.createError();
            })
            .onErrorMap((ex) -> new ContentUnavailableException(ex));
    }

    /** Published posts of a language, newest first, optionally of one category. */
    public Mono<PageList> posts(String lang, String category, long offset, int limit) {
        return this.answers.content("posts " + lang + " " + category + " " + offset + " " + limit, AnswerCache.POSTS,
                () -> fetchPosts(lang, category, offset, limit));
    }

    /**
     * As {@link #posts}, each post with its {@code card} (image, excerpt, author, pre-title; {@code cards=true}, at
     * most 100 a page): what news cards show, in one request.
     */
    public Mono<PageList> postsWithCards(String lang, String category, long offset, int limit) {
        return this.answers.content("posts cards " + lang + " " + category + " " + offset + " " + limit,
                AnswerCache.POSTS, () -> fetchPosts(lang, category, offset, limit, true));
    }

    private Mono<PageList> fetchPosts(String lang, String category, long offset, int limit) {
        return fetchPosts(lang, category, offset, limit, false);
    }

    private Mono<PageList> fetchPosts(String lang, String category, long offset, int limit, boolean cards) {
        return this.http.get()
            .uri((uri) -> {
                uri.path("/api/content/v1/posts").queryParam("lang", "{lang}");
                if (category != null) {
                    uri.queryParam("category", "{category}");
                }
                if (cards) {
                    uri.queryParam("cards", true);
                }
                return uri.queryParam("offset", offset).queryParam("limit", limit).build(lang, category);
            })
            .retrieve()
            .bodyToMono(PageList.class)
            .onErrorMap((ex) -> new ContentUnavailableException(ex));
    }

    /**
     * Where a language's news archive is: the permalink of its published page with the theme's {@code archive}
     * layout ({@code /news}, {@code /nl/news}, {@code /posts}), or empty when it has none. Any page change may move
     * it, so any page change drops the kept answer.
     */
    public Mono<String> archivePermalink(String lang) {
        return this.answers.content("archive " + lang, AnswerCache.TRANSLATIONS, () -> this.http.get()
            .uri((uri) -> uri.path("/api/content/v1/pages").queryParam("lang", "{lang}").queryParam("layout", "archive")
                .queryParam("offset", 0).queryParam("limit", 1).build(lang))
            .retrieve()
            .bodyToMono(PageList.class)
            .map((list) -> list.items().isEmpty() || list.items().get(0).permalink() == null ? ""
                    : list.items().get(0).permalink())
            .onErrorMap((ex) -> new ContentUnavailableException(ex)));
    }

    /** The categories of a language's published posts, by name: the archive's category links, without its posts. */
    public Mono<List<PostCategory>> postCategories(String lang) {
        return this.answers.content("post categories " + lang, AnswerCache.POSTS, () -> this.http.get()
            .uri((uri) -> uri.path("/api/content/v1/posts/categories").queryParam("lang", "{lang}").build(lang))
            .retrieve()
            .bodyToMono(CATEGORIES)
            .defaultIfEmpty(List.of())
            .onErrorMap((ex) -> new ContentUnavailableException(ex)));
    }

    /** Every published page and post of every language, one listing page at a time. */
    public Mono<PageList> everything(long offset, int limit) {
        return this.http.get()
            .uri((uri) -> uri.path("/api/content/v1/pages").queryParam("offset", offset).queryParam("limit", limit)
                .build())
            .retrieve()
            .bodyToMono(PageList.class)
            .onErrorMap((ex) -> new ContentUnavailableException(ex));
    }

    /**
     * The parsed content of a site data file ({@code navigation}, {@code footer}, ...) in a language, or the
     * default-language file as content-service falls back to it; empty if there is none.
     */
    public Mono<JsonNode> data(String name, String lang) {
        return this.answers.content("data " + name + " " + lang, () -> fetchData(name, lang));
    }

    private Mono<JsonNode> fetchData(String name, String lang) {
        return this.http.get()
            .uri((uri) -> uri.path("/api/content/v1/data/{name}").queryParam("lang", "{lang}").build(name, lang))
            .exchangeToMono((response) -> {
                if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    return response.releaseBody().then(Mono.empty());
                }
                if (response.statusCode().is2xxSuccessful()) {
                    return response.bodyToMono(JsonNode.class).mapNotNull((file) -> file.get("content"));
                }
                return response.createError();
            })
            .onErrorMap((ex) -> new ContentUnavailableException(ex));
    }

    /**
     * The site's identity and languages ({@code GET /api/content/v1/site}). Its languages are those the site has
     * pages in, so the answer is forgotten when a page in a language it does not list changes (it may be the first)
     * or a page is removed (it may be the last of its language); a feed entry that does not say its language counts
     * as both. Any other page change leaves it: every request reads it first, so it must not be asked again after
     * every edit.
     */
    public Mono<SiteSettings> site() {
        return this.answers.content("site", ContentClient::changedBy, () -> this.http.get()
            .uri("/api/content/v1/site")
            .retrieve()
            .bodyToMono(SiteSettings.class)
            .onErrorMap((ex) -> new ContentUnavailableException(ex)));
    }

    /**
     * All language versions of the pages sharing a translation key (the page itself included). Forgotten when one of
     * them changes: content-service names every published version whose language switch a write changed (a version
     * added, removed, moved or retitled), so a new version names the ones already there.
     */
    public Mono<List<Translation>> translations(String translationKey) {
        return this.answers.content("translations " + translationKey, ContentClient::changedBy,
                () -> fetchTranslations(translationKey));
    }

    /** The language versions are altered by a change to one of them; none known: by any page change. */
    static AnswerCache.ChangedBy changedBy(List<Translation> versions) {
        List<String> permalinks = versions.stream().map(Translation::permalink).filter(p -> p != null).toList();
        return (change, paths) -> permalinks.isEmpty()
                || permalinks.stream().anyMatch(p -> change.path().equals(paths.permalinkKey(p)));
    }

    /** The site's settings are altered by a removed page or a page in a language they do not list. */
    static AnswerCache.ChangedBy changedBy(SiteSettings site) {
        List<String> languages = site.languages().stream().map(SiteSettings.Language::code).toList();
        return (change, paths) -> change.removed() || change.lang() == null || !languages.contains(change.lang());
    }

    private Mono<List<Translation>> fetchTranslations(String translationKey) {
        return this.http.get()
            .uri((uri) -> uri.path("/api/content/v1/pages/translations")
                .queryParam("key", "{key}")
                .build(translationKey))
            .retrieve()
            .bodyToMono(TRANSLATIONS)
            .defaultIfEmpty(List.of())
            .onErrorMap((ex) -> new ContentUnavailableException(ex));
    }

    /**
     * An editor's preview by its id, resolved now and never kept here (it is one person's, and short-lived); empty
     * when content-service has no such preview (unknown or expired), a {@link ContentUnavailableException} if it
     * cannot tell.
     */
    public Mono<Page> preview(String id) {
        return pageOrEmpty(this.http.get().uri("/api/content/v1/previews/{id}", id), HttpStatus.NOT_FOUND);
    }

}
