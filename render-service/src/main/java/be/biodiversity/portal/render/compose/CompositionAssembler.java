package be.biodiversity.portal.render.compose;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.LiteratureClient;
import be.biodiversity.portal.render.content.Page;
import be.biodiversity.portal.render.directory.DirectoryClient;
import be.biodiversity.portal.render.site.SiteLanguages;

/**
 * The blocks a page's front matter composes ({@code composition:}), filled from the site data it names
 * ({@code data: node.staff}) and, for the stats, latest posts, people and organisations blocks, from our own
 * services. The blocks are fetched at the same time and shown in their order. A block whose provider fails is
 * left out, or (latest posts, people, organisations) shown with a notice; the page is then marked partial.
 */
@Component
public class CompositionAssembler {

    private static final Logger logger = LoggerFactory.getLogger(CompositionAssembler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ContentClient content;
    private final LiteratureClient literature;
    private final DirectoryClient directory;
    private final BlockText text;
    private final MessageSource messages;
    private final LatestPostsBlock latestPosts;
    private final PeopleBlock people;
    private final OrganisationsBlock organisations;
    private final SiteLanguages languages;
    private final GbifStatsBlock gbifStats;

    CompositionAssembler(ContentClient content, LiteratureClient literature, DirectoryClient directory,
            BlockText text, MessageSource messages, LatestPostsBlock latestPosts, PeopleBlock people,
            OrganisationsBlock organisations, SiteLanguages languages, GbifStatsBlock gbifStats) {
        this.languages = languages;
        this.content = content;
        this.literature = literature;
        this.directory = directory;
        this.text = text;
        this.messages = messages;
        this.latestPosts = latestPosts;
        this.people = people;
        this.organisations = organisations;
        this.gbifStats = gbifStats;
    }

    /** The composed blocks, or null when the page composes none (it is then shown as text). */
    public Mono<List<BlockView>> blocks(Page page, String lang) {
        List<Map<String, Object>> composition = LayoutCompositions.of(page);
        if (composition == null) {
            return Mono.justOrEmpty(null);
        }
        return Flux.fromIterable(composition)
                .flatMapSequential(block -> block(block, lang).onErrorResume(ex -> {
                    logger.warn("Rendering {} without its {} block: {}", page.permalink(), block.get("type"),
                            ex.getMessage());
                    return Mono.just(BlockView.unavailable("unavailable", BlockIntro.NONE));
                }))
                .collectList();
    }

    private Mono<BlockView> block(Map<String, Object> block, String lang) {
        String type = String.valueOf(block.get("type"));
        return switch (type) {
            case "pageMarkdown" -> Mono.just(BlockView.markdown());
            case "features", "split", "media" -> content(block, lang).map(data -> switch (type) {
                case "features" -> text.features(data);
                case "media" -> text.features(data).withType("media");
                default -> text.split(data);
            });
            // the theme's text-beside-an-image blocks: shown as a split (image, title, text, buttons)
            case "product", "floatingText" -> content(block, lang).map(text::split);
            case "blank", "markdown" -> content(block, lang).mapNotNull(text::prose);
            // GBIF's figures when the block's data names GBIF queries (gbif/HeadlineNumbers), else our own counts
            case "stats" -> gbifStats.block(content(block, lang), lang).switchIfEmpty(Mono.defer(() -> stats(lang)));
            case "stories" -> content(block, lang).map(data -> text.stories(data,
                    messages.getMessage("stories.more", null, "See them on GBIF.org", Locale.forLanguageTag(lang))));
            // the page's own hero (title, description, image, buttons) is shown above the blocks
            case "heroImage", "heroBox", "heroVideo", "postHeader" -> Mono.empty();
            case "latestPosts", "people", "organisations" -> options(block, lang).flatMap(options -> {
                BlockIntro intro = text.intro(options);
                return switch (type) {
                    case "latestPosts" -> latestPosts.block(options, intro, lang);
                    case "people" -> people.block(options, intro, lang);
                    default -> organisations.block(options, intro, lang);
                };
            });
            default -> {
                logger.debug("Composition block type {} is not shown", type);
                yield Mono.empty();
            }
        };
    }

    /**
     * What a block shows, as the theme finds it: the site data its {@code data:} names, else its own
     * {@code inlineData:}; empty when it has neither.
     */
    private Mono<JsonNode> content(Map<String, Object> block, String lang) {
        Object reference = block.get("data");
        if (reference instanceof String name && !name.isBlank()) {
            return data(name.strip(), lang);
        }
        Object inline = block.get("inlineData");
        return inline instanceof Map<?, ?> map ? Mono.just(JSON.valueToTree(map)) : Mono.empty();
    }

    /**
     * The side menu the front matter names ({@code sideNavigation: sideNavigation.guides}), with the page at
     * {@code path} marked; none when it names none or the data cannot be had (the page is shown without it).
     */
    public Mono<SideNavigation> sideNavigation(Page page, String lang, String path) {
        Page.FrontMatter front = page.shownFrontMatter();
        String reference = front == null ? null : front.sideNavigation();
        if (reference == null || reference.isBlank()) {
            return Mono.just(SideNavigation.NONE);
        }
        return data(reference.strip(), lang).map(data -> SideNavigation.of(data, path))
                .defaultIfEmpty(SideNavigation.NONE)
                .onErrorResume(ex -> {
                    logger.warn("Rendering {} without its side navigation: {}", page.permalink(), ex.getMessage());
                    return Mono.just(SideNavigation.NONE);
                });
    }

    /** The entry's options, with the site data it names when it names one ({@code data: node.team}). */
    private Mono<BlockOptions> options(Map<String, Object> block, String lang) {
        BlockOptions options = BlockOptions.of(block);
        String reference = options.dataReference();
        return reference == null ? Mono.just(options)
                : data(reference, lang).map(options::withData).defaultIfEmpty(options);
    }

    /**
     * {@code node.staff}: the {@code staff} entry of the {@code node} data file of the page's language;
     * {@code nl.node.staff}: of the Dutch one ({@code _data/nl/node.yml}), as Jekyll reads {@code site.data.nl}.
     */
    private Mono<JsonNode> data(String reference, String lang) {
        String[] path = reference.split("\\.");
        int start = 0;
        String fileLang = lang;
        if (path.length > 1 && languages.all().contains(path[0])) {
            fileLang = path[0];
            start = 1;
        }
        int first = start;
        return content.data(path[first], fileLang).mapNotNull(root -> {
            JsonNode node = root;
            for (int i = first + 1; i < path.length && node != null; i++) {
                node = node.get(path[i]);
            }
            return node;
        });
    }

    private Mono<BlockView> stats(String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        NumberFormat numbers = NumberFormat.getIntegerInstance(locale);
        String prefix = lang.equals(languages.defaultLanguage()) ? "" : "/" + lang;
        Mono<Long> members = directory.count("MEMBER");
        Mono<Long> partners = directory.count("PARTNER");
        Mono<Long> publishers = directory.count("PUBLISHER");
        Mono<Long> articles = literature.count();
        // members and partners link to the site's community page, where it has one (GBIF.be's /community)
        Mono<String> community = content.page(lang, prefix + "/community").map(page -> prefix + "/community")
            .defaultIfEmpty("").onErrorReturn("");
        return Mono.zip(members, partners, publishers, articles, community).map(counts -> {
            List<BlockView.Card> figures = new ArrayList<>();
            String communityHref = counts.getT5().isEmpty() ? null : counts.getT5();
            figures.add(figure(numbers, counts.getT1(), "stats.members", locale, communityHref));
            figures.add(figure(numbers, counts.getT2(), "stats.partners", locale, communityHref));
            if (counts.getT3() > 0) {
                figures.add(figure(numbers, counts.getT3(), "stats.publishers", locale, prefix + "/publisher/search"));
            }
            figures.add(figure(numbers, counts.getT4(), "stats.literature", locale, prefix + "/literature/search"));
            return new BlockView("stats", null, null, figures, null, null, false, List.of());
        });
    }

    private BlockView.Card figure(NumberFormat numbers, long count, String label, Locale locale, String href) {
        return new BlockView.Card(numbers.format(count), messages.getMessage(label, null, label, locale), null, href);
    }
}
