package be.biodiversity.portal.render.news;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.Page;
import be.biodiversity.portal.render.content.PageList;
import be.biodiversity.portal.render.content.PageSummary;

/**
 * The news of a language: the archive (a page with the theme's {@code archive} layout, e.g. {@code /news}) with
 * a category filter and pages of posts, and on each post its date, categories and related posts.
 */
@Component
public class NewsAssembler {

    static final int PAGE_SIZE = 10;
    static final int RELATED = 3;
    private static final int RECENT = 50;
    private static final int ALL = 1000;
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Logger logger = LoggerFactory.getLogger(NewsAssembler.class);

    private final ContentClient content;

    NewsAssembler(ContentClient content) {
        this.content = content;
    }

    public Mono<NewsViews.Archive> archive(String lang, String path, String category, long offset) {
        Mono<PageList> page = content.posts(lang, category, offset, PAGE_SIZE);
        Mono<PageList> all = content.posts(lang, null, 0, ALL);
        return Mono.zip(page, all).map(lists -> {
            List<String> names = new TreeSet<>(lists.getT2().items().stream()
                    .flatMap(post -> post.categoryList().stream()).toList()).stream().toList();
            List<NewsViews.CategoryLink> categories = names.stream()
                    .map(name -> new NewsViews.CategoryLink(name, link(path, name, 0), name.equals(category)))
                    .toList();
            PageList shown = lists.getT1();
            long next = offset + shown.items().size();
            return new NewsViews.Archive(true, categories, path, category != null, cards(shown.items(), lang),
                    offset > 0 ? link(path, category, Math.max(0, offset - PAGE_SIZE)) : null,
                    next < shown.total() ? link(path, category, next) : null);
        }).onErrorResume(ex -> {
            logger.warn("News archive {} without posts: {}", path, ex.getMessage());
            return Mono.just(new NewsViews.Archive(false, List.of(), path, false, List.of(), null, null));
        });
    }

    /**
     * Date, categories and up to three related posts: those sharing the most categories with it among the
     * recent ones, the newest first among equals.
     */
    public Mono<NewsViews.Post> post(Page post, String lang, String archivePath) {
        List<NewsViews.CategoryLink> categories = post.categoryList().stream()
                .map(name -> new NewsViews.CategoryLink(name, link(archivePath, name, 0), false)).toList();
        return content.posts(lang, null, 0, RECENT)
                .map(list -> cards(list.items().stream()
                        .filter(other -> !Objects.equals(other.permalink(), post.permalink()))
                        .sorted(Comparator.comparingLong((PageSummary other) -> shared(post, other)).reversed())
                        .limit(RELATED).toList(), lang))
                .onErrorReturn(List.of())
                .map(related -> new NewsViews.Post(date(post.date(), lang), categories, related));
    }

    private static long shared(Page post, PageSummary other) {
        return other.categoryList().stream().filter(post.categoryList()::contains).count();
    }

    private static List<NewsViews.Card> cards(List<PageSummary> posts, String lang) {
        return posts.stream().map(post -> new NewsViews.Card(post.title(), post.permalink(), date(post.date(), lang),
                post.description())).toList();
    }

    public static String date(Instant date, String lang) {
        return date == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(lang)).withZone(BRUSSELS).format(date);
    }

    private static String link(String path, String category, long offset) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (category != null) {
            uri.queryParam("category", category);
        }
        if (offset > 0) {
            uri.queryParam("offset", offset);
        }
        return uri.encode().build().toUriString();
    }
}
