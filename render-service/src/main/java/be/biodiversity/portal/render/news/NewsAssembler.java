package be.biodiversity.portal.render.news;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.Page;
import be.biodiversity.portal.render.content.PageList;
import be.biodiversity.portal.render.content.PageSummary;
import be.biodiversity.portal.render.content.PostCategory;
import be.biodiversity.portal.render.site.SafeUrls;

/**
 * The news of a language: the archive (a page with the theme's {@code archive} layout, e.g. {@code /news}) with
 * a category filter and pages of posts, and on each post its date, categories and related posts.
 */
@Component
public class NewsAssembler {

    /**
     * Posts a page of the archive. The hosted-portal theme lists every post on one page; the portal pages them (a
     * site with thousands of posts), 20 at a time, so a site with a few posts a year per language (GBIF.be: 14) shows
     * them all on the first page, as its Jekyll build does.
     */
    static final int PAGE_SIZE = 20;
    static final int RELATED = 3;
    /** Words of a card's text: the theme's archive and latest-posts block cut the excerpt at 20 (truncatewords). */
    static final int EXCERPT_WORDS = 20;
    private static final int RECENT = 50;
    /** The largest offset content-service takes. */
    static final long MAX_OFFSET = 100_000;
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Logger logger = LoggerFactory.getLogger(NewsAssembler.class);

    private final ContentClient content;

    NewsAssembler(ContentClient content) {
        this.content = content;
    }

    /**
     * One numbered page of the archive ({@code ?page=2}, from 1), {@value #PAGE_SIZE} posts a page, newest first:
     * content-service pages the posts (offset and limit) and says how many there are, so every page costs the same.
     * A listing that fails is {@code available: false} (a notice, never "no news").
     */
    public Mono<NewsViews.Archive> archive(String lang, String path, String category, long page) {
        long number = Math.max(1, Math.min(page, lastPage()));
        Mono<PageList> shown = content.postsWithCards(lang, category, (number - 1) * PAGE_SIZE, PAGE_SIZE);
        Mono<List<PostCategory>> all = content.postCategories(lang);
        return Mono.zip(shown, all).map(lists -> {
            List<NewsViews.CategoryLink> categories = lists.getT2().stream()
                    .filter(c -> c.name() != null && !c.name().isBlank()).map(PostCategory::name)
                    .map(name -> new NewsViews.CategoryLink(name, link(path, name, 1), name.equals(category)))
                    .toList();
            long pages = Math.max(1, (lists.getT1().total() + PAGE_SIZE - 1) / PAGE_SIZE);
            return new NewsViews.Archive(true, categories, path, category != null,
                    cards(lists.getT1().items(), lang, path),
                    number > 1 && number <= pages ? link(path, category, number - 1) : null,
                    number < pages ? link(path, category, number + 1) : null,
                    pager(path, category, number, pages));
        }).onErrorResume(ex -> {
            logger.warn("News archive {} without posts: {}", path, ex.getMessage());
            return Mono.just(new NewsViews.Archive(false, List.of(), path, false, List.of(), null, null, List.of()));
        });
    }

    /** The last page content-service can serve (its largest offset is 100,000). */
    static long lastPage() {
        return MAX_OFFSET / PAGE_SIZE + 1;
    }

    /**
     * Numbered links: the first and last page, and two either side of the current one; a gap between them is a
     * {@code null} number (shown as an ellipsis). None when everything fits on one page.
     */
    static List<NewsViews.PageLink> pager(String path, String category, long current, long pages) {
        if (pages <= 1) {
            return List.of();
        }
        List<NewsViews.PageLink> links = new java.util.ArrayList<>();
        long previous = 0;
        for (long n = 1; n <= pages; n++) {
            if (n != 1 && n != pages && Math.abs(n - current) > 2) {
                continue;
            }
            if (n > previous + 1) {
                links.add(new NewsViews.PageLink(null, null, false));
            }
            links.add(new NewsViews.PageLink(n, link(path, category, n), n == current));
            previous = n;
        }
        return links;
    }

    /**
     * Date, categories and up to three related posts: those sharing the most categories with it among the
     * recent ones, the newest first among equals; {@code relatedAvailable: false} when they cannot be listed.
     */
    public Mono<NewsViews.Post> post(Page post, String lang, String archivePath) {
        List<NewsViews.CategoryLink> categories = post.categoryList().stream()
                .map(name -> new NewsViews.CategoryLink(name, link(archivePath, name, 1), false)).toList();
        return content.posts(lang, null, 0, RECENT)
                .map(list -> list.items().stream()
                        .filter(other -> !Objects.equals(other.permalink(), post.permalink()))
                        .sorted(Comparator.comparingLong((PageSummary other) -> shared(post, other)).reversed())
                        .limit(RELATED).toList())
                .map(related -> new NewsViews.Post(date(post.date(), lang), categories,
                        cards(related, lang, archivePath), true))
                // a listing that fails is a notice (and the page is not kept), never "no related news"
                .onErrorResume(ex -> {
                    logger.warn("Post {} without related posts: {}", post.permalink(), ex.getMessage());
                    return Mono.just(new NewsViews.Post(date(post.date(), lang), categories, List.of(), false));
                });
    }

    private static long shared(Page post, PageSummary other) {
        return other.categoryList().stream().filter(post.categoryList()::contains).count();
    }

    private static List<NewsViews.Card> cards(List<PageSummary> posts, String lang, String archivePath) {
        return posts.stream().map(post -> new NewsViews.Card(post.title(), SafeUrls.link(post.permalink()),
                shownDate(post.date(), post.card(), lang), excerpt(post.description(), post.card()),
                post.card() == null ? null : SafeUrls.image(post.card().image()),
                post.card() == null ? null : post.card().author(),
                post.categoryList().stream()
                        .map(name -> new NewsViews.CategoryLink(name, link(archivePath, name, 1), false)).toList()))
                .toList();
    }

    /**
     * What a card says of a post, as the theme's archive and latest-posts block say it: the text of its first
     * paragraph (Jekyll's {@code post.excerpt}), else its description, cut after {@value #EXCERPT_WORDS} words; null
     * when it has neither.
     */
    public static String excerpt(String description, PageSummary.Card card) {
        String excerpt = card == null ? null : card.excerpt();
        String text = excerpt != null && !excerpt.isBlank() ? excerpt : description;
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] words = text.strip().split("\\s+");
        return words.length <= EXCERPT_WORDS ? String.join(" ", words)
                : String.join(" ", List.of(words).subList(0, EXCERPT_WORDS)) + "…";
    }

    /**
     * The line above a card's title: the post's {@code preTitle} as its editor wrote it (an event's dates, "Oct 19,
     * 2026"), as the theme shows it, else the post's date.
     */
    public static String shownDate(Instant date, PageSummary.Card card, String lang) {
        return card != null && card.preTitle() != null && !card.preTitle().isBlank() ? card.preTitle().strip()
                : date(date, lang);
    }

    public static String date(Instant date, String lang) {
        return date == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(lang)).withZone(BRUSSELS).format(date);
    }

    private static String link(String path, String category, long page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (category != null) {
            uri.queryParam("category", category);
        }
        if (page > 1) {
            uri.queryParam("page", page);
        }
        return uri.encode().build().toUriString();
    }
}
