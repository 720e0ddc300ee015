package be.biodiversity.portal.render.compose;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.Page;
import be.biodiversity.portal.render.content.PageList;
import be.biodiversity.portal.render.content.PageSummary;
import be.biodiversity.portal.render.news.NewsAssembler;
import be.biodiversity.portal.render.site.SafeUrls;
import be.biodiversity.portal.render.site.SiteLanguages;

/**
 * The theme's {@code latestPosts} block: the newest posts of the page's language as cards (date in that language,
 * title, description or else the start of the text, image when the post has one), then a link to the news.
 * {@code limit} (default 3, the theme's {@code latestPostLimit}) says how many; {@code filters: {category: ...}}
 * keeps one category. A language with no posts yet shows the default language's, marked as such; no posts at
 * all leaves the block out.
 */
@Component
class LatestPostsBlock {

    static final int DEFAULT_LIMIT = 3;
    static final int MAX_LIMIT = 12;
    private static final Logger logger = LoggerFactory.getLogger(LatestPostsBlock.class);

    private final ContentClient content;
    private final SiteLanguages languages;
    private final MessageSource messages;

    LatestPostsBlock(ContentClient content, SiteLanguages languages, MessageSource messages) {
        this.content = content;
        this.languages = languages;
        this.messages = messages;
    }

    Mono<BlockView> block(BlockOptions options, BlockIntro intro, String lang) {
        int limit = Math.min(options.number("limit", DEFAULT_LIMIT), MAX_LIMIT);
        if (limit <= 0) {
            return Mono.empty();
        }
        String category = options.filter("category");
        String fallback = languages.defaultLanguage();
        return content.postsWithCards(lang, category, 0, limit)
            .flatMap((posts) -> posts.items().isEmpty() && !lang.equals(fallback)
                    ? content.postsWithCards(fallback, category, 0, limit) : Mono.just(posts))
            .flatMap((posts) -> posts.items().isEmpty() ? Mono.empty() : view(posts, intro, lang))
            .onErrorResume((ex) -> {
                logger.warn("Latest posts block without posts: {}", ex.getMessage());
                return Mono.just(BlockView.unavailable("latestPosts", intro));
            });
    }

    private Mono<BlockView> view(PageList posts, BlockIntro intro, String lang) {
        String postsLang = posts.items().get(0).lang();
        String more = messages.getMessage("news.all", null, "All news", Locale.forLanguageTag(lang));
        return archive(postsLang).flatMap((archivePath) -> Flux.fromIterable(posts.items())
            .flatMapSequential((summary) -> card(summary, lang))
            .collectList()
            .map((cards) -> new BlockView("latestPosts", intro.title(), intro.descriptionHtml(), cards, null, null,
                    false, List.of(new BlockView.Button(more, archivePath, false)))));
    }

    /**
     * The listing's card (image, excerpt) when it carries one; a content-service too old to give it is asked for
     * the post itself.
     */
    private Mono<BlockView.Card> card(PageSummary summary, String lang) {
        if (summary.card() != null) {
            return Mono.just(new BlockView.Card(summary.title(), html(NewsAssembler.excerpt(summary.description(),
                    summary.card())), SafeUrls.image(summary.card().image()), SafeUrls.link(summary.permalink()),
                    NewsAssembler.shownDate(summary.date(), summary.card(), lang), null, lang.equals(summary.lang()) ? null : summary.lang()));
        }
        return content.page(summary.lang(), summary.permalink())
            .map((post) -> card(summary, post, lang))
            .defaultIfEmpty(card(summary, null, lang));
    }

    private static BlockView.Card card(PageSummary summary, Page post, String lang) {
        String title = post != null ? post.shownTitle() : summary.title();
        // the first paragraph, else the description, as NewsAssembler#excerpt
        String description = post != null && post.excerpt() != null && !post.excerpt().isBlank() ? post.excerpt()
                : post != null ? post.shownDescription() : summary.description();
        String image = post != null ? SafeUrls.image(post.shownHeroImage()) : null;
        return new BlockView.Card(title, words(description), image, SafeUrls.link(summary.permalink()),
                NewsAssembler.date(summary.date(), lang), null, lang.equals(summary.lang()) ? null : summary.lang());
    }

    private static String html(String text) {
        return text == null ? null : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** The text cut as a card's text is ({@link NewsAssembler#excerpt}), as HTML (escaped: it is shown as text). */
    private static String words(String text) {
        return html(NewsAssembler.excerpt(text, null));
    }

    /** The language's news archive (its page with the {@code archive} layout), else {@code /news} under its prefix. */
    private Mono<String> archive(String lang) {
        String usual = (lang.equals(languages.defaultLanguage()) ? "" : "/" + lang) + "/news";
        return content.archivePermalink(lang).map((found) -> found.isEmpty() ? usual : found).onErrorReturn(usual)
            .defaultIfEmpty(usual);
    }
}
