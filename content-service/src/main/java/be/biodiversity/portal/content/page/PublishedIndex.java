package be.biodiversity.portal.content.page;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The published pages of the site at one revision, as the listings need them (no bodies): sorted once, so that a
 * listing, a language switch or a sitemap page is a slice of a list in memory instead of a scan and sort of the
 * collection per request (the embedded server has no secondary indexes). Immutable: a newer revision is a new
 * index, made from this one and the pages that changed ({@link #with}).
 */
final class PublishedIndex {

    static final Comparator<PageSummary> BY_PERMALINK = Comparator.comparing(PageSummary::permalink)
            .thenComparing(PageSummary::lang, Comparator.nullsFirst(Comparator.naturalOrder()));
    /** As MongoDB sorts: a missing date is the lowest value. */
    static final Comparator<PageSummary> BY_DATE = Comparator.comparing(PageSummary::date,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(PageSummary::permalink);
    static final Comparator<PageSummary> NEWEST_FIRST = Comparator.comparing(PageSummary::date,
            Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder()).reversed())
            .thenComparing(PageSummary::permalink);

    /** The order of a list of posts as built: newest first, equal ones as they come by permalink (a stable sort). */
    private static final Comparator<PageSummary> POSTS_ORDER = NEWEST_FIRST.thenComparing(BY_PERMALINK);

    /** The key of the posts of every language in {@link #posts}. */
    private static final String ALL = "";

    private final long revision;
    private final Map<String, PageSummary> byId;
    private final List<PageSummary> byPermalink;
    private final Map<String, List<PageSummary>> posts;
    private final Map<String, List<Translation>> translations;
    private final Set<String> languages;
    /** How many published pages each language has: what tells, after a write, whether a language is still there. */
    private final Map<String, Integer> perLanguage;
    private final Map<String, List<PageSummary>> versions;
    /** Every page sorted by date, either way: computed on first use (no listing of pages asks for it today). */
    private final Map<String, List<PageSummary>> sorted = new java.util.concurrent.ConcurrentHashMap<>();
    /** Computed on first use, per language. */
    private final Map<String, List<PostCategory>> categories = new java.util.concurrent.ConcurrentHashMap<>();

    private PublishedIndex(long revision, Map<String, PageSummary> byId) {
        this.revision = revision;
        this.byId = byId;
        this.byPermalink = byId.values().stream().sorted(BY_PERMALINK).toList();
        Map<String, List<PageSummary>> postsByLang = new HashMap<>();
        Map<String, List<Translation>> byKey = new HashMap<>();
        Map<String, List<PageSummary>> versionsByKey = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (PageSummary page : byPermalink) {
            if (page.lang() != null) {
                counts.merge(page.lang(), 1, Integer::sum);
            }
            if (Page.POST.equals(page.kind())) {
                postsByLang.computeIfAbsent(page.lang(), l -> new ArrayList<>()).add(page);
                postsByLang.computeIfAbsent(ALL, l -> new ArrayList<>()).add(page);
            }
            if (page.translationKey() != null) {
                byKey.computeIfAbsent(page.translationKey(), k -> new ArrayList<>())
                        .add(new Translation(page.lang(), page.permalink(), page.title()));
                versionsByKey.computeIfAbsent(page.translationKey(), k -> new ArrayList<>()).add(page);
            }
        }
        postsByLang.values().forEach(list -> list.sort(NEWEST_FIRST));
        byKey.values().forEach(list -> list.sort(Comparator.comparing(Translation::lang)));
        this.posts = postsByLang;
        this.translations = byKey;
        this.perLanguage = counts;
        this.languages = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(counts.keySet()));
        this.versions = versionsByKey;
    }

    /**
     * {@code before} with the pages {@code removed} taken out and {@code added} put in, each list kept sorted by
     * moving only those pages: a write costs a copy of the lists, not a sort of the whole site. The result is the
     * same as computing the index from scratch (the order of {@link #POSTS_ORDER} is the stable sort's).
     */
    private PublishedIndex(long revision, Map<String, PageSummary> byId, PublishedIndex before,
            Collection<PageSummary> removed, Collection<PageSummary> added) {
        this.revision = revision;
        this.byId = byId;
        List<PageSummary> sortedPages = new ArrayList<>(before.byPermalink);
        Set<String> removedIds = new java.util.HashSet<>();
        removed.forEach(page -> removedIds.add(page.id()));
        sortedPages.removeIf(page -> removedIds.contains(page.id()));
        added.forEach(page -> insert(sortedPages, page, BY_PERMALINK));
        this.byPermalink = java.util.Collections.unmodifiableList(sortedPages);

        Map<String, List<PageSummary>> postsByLang = new HashMap<>(before.posts);
        Map<String, List<PageSummary>> versionsByKey = new HashMap<>(before.versions);
        Map<String, List<Translation>> byKey = new HashMap<>(before.translations);
        Map<String, Integer> counts = new HashMap<>(before.perLanguage);
        Set<String> postLists = new java.util.HashSet<>();
        Set<String> keys = new java.util.HashSet<>();
        for (PageSummary page : removed) {
            if (page.lang() != null) {
                counts.computeIfPresent(page.lang(), (lang, n) -> n > 1 ? n - 1 : null);
            }
            if (Page.POST.equals(page.kind())) {
                postLists.add(page.lang());
                postLists.add(ALL);
            }
            if (page.translationKey() != null) {
                keys.add(page.translationKey());
            }
        }
        for (PageSummary page : added) {
            if (page.lang() != null) {
                counts.merge(page.lang(), 1, Integer::sum);
            }
            if (Page.POST.equals(page.kind())) {
                postLists.add(page.lang());
                postLists.add(ALL);
            }
            if (page.translationKey() != null) {
                keys.add(page.translationKey());
            }
        }
        for (String list : postLists) {
            List<PageSummary> changed = new ArrayList<>(postsByLang.getOrDefault(list, List.of()));
            changed.removeIf(page -> removedIds.contains(page.id()));
            added.stream().filter(page -> Page.POST.equals(page.kind()))
                    .filter(page -> ALL.equals(list) || Objects.equals(list, page.lang()))
                    .forEach(page -> insert(changed, page, POSTS_ORDER));
            if (changed.isEmpty()) {
                postsByLang.remove(list);
            }
            else {
                postsByLang.put(list, changed);
            }
        }
        for (String key : keys) {
            List<PageSummary> changed = new ArrayList<>(versionsByKey.getOrDefault(key, List.of()));
            changed.removeIf(page -> removedIds.contains(page.id()));
            added.stream().filter(page -> key.equals(page.translationKey()))
                    .forEach(page -> insert(changed, page, BY_PERMALINK));
            if (changed.isEmpty()) {
                versionsByKey.remove(key);
                byKey.remove(key);
            }
            else {
                versionsByKey.put(key, changed);
                List<Translation> list = new ArrayList<>(changed.stream()
                        .map(page -> new Translation(page.lang(), page.permalink(), page.title())).toList());
                list.sort(Comparator.comparing(Translation::lang));
                byKey.put(key, list);
            }
        }
        this.posts = postsByLang;
        this.translations = byKey;
        this.perLanguage = counts;
        this.languages = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(counts.keySet()));
        this.versions = versionsByKey;
    }

    /** Puts a page where its order says, after the pages it is equal to. */
    private static void insert(List<PageSummary> sortedList, PageSummary page, Comparator<PageSummary> order) {
        int low = 0;
        int high = sortedList.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (order.compare(sortedList.get(middle), page) <= 0) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        sortedList.add(low, page);
    }

    /** @param pages the published pages at {@code revision} (others are left out) */
    static PublishedIndex of(long revision, Collection<PageSummary> pages) {
        Map<String, PageSummary> byId = new HashMap<>();
        pages.stream().filter(p -> Page.PUBLISHED.equals(p.status())).forEach(p -> byId.put(p.id(), p));
        return new PublishedIndex(revision, byId);
    }

    /**
     * This index brought to a newer revision.
     *
     * @param changed the ids of the pages that may have changed
     * @param now     those of them that exist now, as they are now (a missing or unpublished one leaves the index)
     */
    PublishedIndex with(long revision, Set<String> changed, Collection<PageSummary> now) {
        Map<String, PageSummary> byId = new HashMap<>(this.byId);
        List<PageSummary> removed = new ArrayList<>();
        changed.forEach(id -> {
            PageSummary gone = byId.remove(id);
            if (gone != null) {
                removed.add(gone);
            }
        });
        List<PageSummary> added = new ArrayList<>();
        now.stream().filter(p -> changed.contains(p.id()) && Page.PUBLISHED.equals(p.status())).forEach(p -> {
            if (byId.put(p.id(), p) == null) {
                added.add(p);
            }
        });
        return new PublishedIndex(revision, byId, this, removed, added);
    }

    long revision() {
        return revision;
    }

    int size() {
        return byId.size();
    }

    /** Whether this index can answer the listing: published pages, no text search (that goes to MongoDB). */
    static boolean answers(PageFilter filter) {
        return (filter.status() == null || Page.PUBLISHED.equals(filter.status()))
                && (filter.q() == null || filter.q().isBlank());
    }

    /** The listing {@code filter} asks for, as the query of {@link PageFilter#criteria()} sorted by its order. */
    PageList list(PageFilter filter, long offset, int limit) {
        List<PageSummary> candidates = candidates(filter);
        if (exact(filter)) {
            // every candidate matches: the answer is a slice, whatever the size of the site
            int from = (int) Math.min(offset, candidates.size());
            List<PageSummary> results = candidates.subList(from, (int) Math.min(candidates.size(), from + (long) limit));
            return new PageList(offset, limit, candidates.size(), offset + results.size() >= candidates.size(),
                    List.copyOf(results));
        }
        Predicate<PageSummary> matches = matcher(filter);
        List<PageSummary> results = new ArrayList<>(Math.min(limit, 100));
        long count = 0;
        for (PageSummary page : candidates) {
            if (!matches.test(page)) {
                continue;
            }
            if (count >= offset && results.size() < limit) {
                results.add(page);
            }
            count++;
        }
        return new PageList(offset, limit, count, offset + results.size() >= count, results);
    }

    /** The categories of the published posts of a language (null: of every language), by name, with their counts. */
    List<PostCategory> categories(String lang) {
        return categories.computeIfAbsent(lang == null ? ALL : lang, key -> {
            java.util.TreeMap<String, Long> counts = new java.util.TreeMap<>();
            posts.getOrDefault(key, List.of()).forEach(post -> post.categories().stream().distinct()
                    .forEach(name -> counts.merge(name, 1L, Long::sum)));
            return counts.entrySet().stream().map(e -> new PostCategory(e.getKey(), e.getValue())).toList();
        });
    }

    /** The languages the published pages are in. */
    Set<String> languages() {
        return languages;
    }

    /** The published pages of a translation key (what a write that changes their language switch names). */
    List<PageSummary> versions(String key) {
        return versions.getOrDefault(key, List.of());
    }

    /** Published language versions of a translation key, by language. */
    List<Translation> translations(String key) {
        return translations.getOrDefault(key, List.of());
    }

    /** The narrowest sorted list that holds every answer, already in the order asked for. */
    private List<PageSummary> candidates(PageFilter filter) {
        String order = filter.sort() != null ? filter.sort() : Page.POST.equals(filter.kind()) ? "-date" : "permalink";
        if (Page.POST.equals(filter.kind()) && "-date".equals(order)) {
            return posts.getOrDefault(filter.lang() == null ? ALL : filter.lang(), List.of());
        }
        return switch (order) {
            case "-date", "date" -> sorted.computeIfAbsent(order, o -> byPermalink.stream()
                    .sorted("date".equals(o) ? BY_DATE : NEWEST_FIRST).toList());
            default -> byPermalink;
        };
    }

    /** Whether {@link #candidates} holds exactly the answers (no filter left to apply to them). */
    private static boolean exact(PageFilter filter) {
        if (filter.layout() != null || filter.category() != null || filter.year() != null) {
            return false;
        }
        String order = filter.sort() != null ? filter.sort() : Page.POST.equals(filter.kind()) ? "-date" : "permalink";
        return Page.POST.equals(filter.kind()) && "-date".equals(order)
                || filter.kind() == null && filter.lang() == null;
    }

    private static Predicate<PageSummary> matcher(PageFilter filter) {
        return page -> (filter.lang() == null || filter.lang().equals(page.lang()))
                && (filter.kind() == null || filter.kind().equals(page.kind()))
                && (filter.layout() == null || filter.layout().equals(page.layout()))
                && (filter.category() == null || page.categories().contains(filter.category()))
                && (filter.year() == null || page.date() != null
                        && Objects.equals(filter.year(), page.date().atZone(ZoneOffset.UTC).getYear()));
    }
}
