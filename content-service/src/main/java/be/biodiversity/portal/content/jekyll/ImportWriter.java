package be.biodiversity.portal.content.jekyll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import be.biodiversity.portal.content.data.DataWriter;
import be.biodiversity.portal.content.data.SiteData;
import be.biodiversity.portal.content.data.SiteDataService;
import be.biodiversity.portal.content.include.SiteInclude;
import be.biodiversity.portal.content.include.SiteIncludes;
import be.biodiversity.portal.content.page.Page;
import be.biodiversity.portal.content.page.PageService;
import be.biodiversity.portal.content.page.PageWriter;
import be.biodiversity.portal.content.revision.SiteRevision;

/**
 * Stores a checked repository: a file whose fingerprint matches what was last imported from it is left alone
 * (no new revision), a changed one replaces the stored document, a new one is inserted, and (with prune)
 * a document imported earlier from a file that is gone is deleted — each delete kept as a revision.
 */
@Component
class ImportWriter {

    record Counts(AtomicInteger created, AtomicInteger updated, AtomicInteger unchanged, AtomicInteger deleted) {
        Counts() {
            this(new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        }
    }

    private static final int WRITES_IN_FLIGHT = 4;

    private final PageService pages;
    private final PageWriter pageWriter;
    private final SiteDataService data;
    private final DataWriter dataWriter;
    private final SiteRevision revision;
    private final SiteIncludes includes;

    ImportWriter(PageService pages, PageWriter pageWriter, SiteDataService data, DataWriter dataWriter,
            SiteRevision revision, SiteIncludes includes) {
        this.pages = pages;
        this.pageWriter = pageWriter;
        this.data = data;
        this.dataWriter = dataWriter;
        this.revision = revision;
        this.includes = includes;
    }

    Mono<Counts> write(ReadSite site, boolean prune, String author) {
        return write(site, prune, author, new Counts());
    }

    /**
     * @param prune   true: the import replaces the site — every stored document the repository no longer has is
     *                deleted (kept as a revision), the demo's and editors' own pages included
     * @param counts  grow as documents are written (an import job's progress)
     */
    Mono<Counts> write(ReadSite site, boolean prune, String author, Counts counts) {
        return write(site, prune, author, counts, new ImportTimes("site"));
    }

    Mono<Counts> write(ReadSite site, boolean prune, String author, Counts counts, ImportTimes times) {
        // a file left out of this import keeps what an earlier import stored from it: never pruned
        Set<String> skipped = site.skipped();
        // the change feed gets the import as a whole: per page, or one site-wide entry for a big one
        return revision.batch(data.all().filter(d -> !skipped.contains(d.sourcePath()))
                .collectMap(d -> d.name() + " " + d.lang(), Function.identity())
                .flatMap(stored -> writeData(site.data(), stored, prune, author, counts))
                .doOnSuccess(v -> times.lap("data files"))
                .then(includes.all().filter(i -> !skipped.contains(i.sourcePath()))
                        .collectMap(SiteInclude::name, Function.identity()))
                .flatMap(stored -> writeIncludes(site.includes(), stored, prune, author, counts))
                .doOnSuccess(v -> times.lap("includes"))
                .then(pages.stored().filter(p -> !skipped.contains(p.sourcePath()))
                        .collectMap(p -> p.lang() + " " + p.permalink(), Function.identity()))
                .doOnNext(stored -> times.lap("read " + stored.size() + " stored pages"))
                .flatMap(stored -> writePages(site.items(), stored, prune, author, counts))
                .doOnSuccess(v -> times.lap("pages"))
                .thenReturn(counts));
    }

    private Mono<Void> writeData(List<ImportedData> files, Map<String, SiteData> stored, boolean prune, String author,
            Counts counts) {
        Set<String> seen = new HashSet<>();
        Flux<SiteData> writes = Flux.fromIterable(files).flatMap(file -> {
            SiteData current = stored.get(file.name() + " " + file.lang());
            seen.add(file.name() + " " + file.lang());
            if (current != null && file.hash().equals(current.sourceHash())) {
                counts.unchanged().incrementAndGet();
                return Mono.empty();
            }
            (current == null ? counts.created() : counts.updated()).incrementAndGet();
            return dataWriter.importFile(file.name(), file.lang(), file.source(), current, file.path(), file.hash(), author);
        }, WRITES_IN_FLIGHT);
        Flux<Void> deletes = Flux.defer(() -> Flux.fromIterable(prune ? stored.entrySet() : Set.<Map.Entry<String, SiteData>>of())
                .filter(e -> !seen.contains(e.getKey()))
                .concatMap(e -> dataWriter.importDelete(e.getValue(), author).doOnSuccess(v -> counts.deleted().incrementAndGet())));
        return writes.thenMany(deletes).then();
    }

    private Mono<Void> writeIncludes(List<ImportedInclude> files, Map<String, SiteInclude> stored, boolean prune,
            String author, Counts counts) {
        Set<String> seen = files.stream().map(ImportedInclude::name).collect(Collectors.toSet());
        Flux<SiteInclude> writes = Flux.fromIterable(files).flatMap(file -> {
            SiteInclude current = stored.get(file.name());
            if (current != null && file.hash().equals(current.sourceHash())) {
                counts.unchanged().incrementAndGet();
                return Mono.empty();
            }
            (current == null ? counts.created() : counts.updated()).incrementAndGet();
            return includes.importFile(file.name(), file.source(), current, file.path(), file.hash(), author);
        }, WRITES_IN_FLIGHT);
        Flux<Void> deletes = Flux.fromIterable(prune ? stored.values() : List.<SiteInclude>of())
                .filter(i -> !seen.contains(i.name()))
                .concatMap(i -> includes.importDelete(i).doOnSuccess(v -> counts.deleted().incrementAndGet()));
        return writes.thenMany(deletes).then();
    }

    private Mono<Void> writePages(List<ImportedItem> items, Map<String, Page> stored, boolean prune, String author,
            Counts counts) {
        Set<String> seen = items.stream().map(i -> i.page().lang() + " " + i.page().permalink()).collect(Collectors.toSet());
        // new pages in bulk (one insert per 500, their history too), changed ones each guarded by its version
        List<PageWriter.Imported> writes = new ArrayList<>();
        for (ImportedItem item : items) {
            Page current = stored.get(item.page().lang() + " " + item.page().permalink());
            if (current != null && item.hash().equals(current.sourceHash())) {
                counts.unchanged().incrementAndGet();
                continue;
            }
            (current == null ? counts.created() : counts.updated()).incrementAndGet();
            writes.add(new PageWriter.Imported(item.page(), current, item.path(), item.hash()));
        }
        Flux<Void> deletes = Flux.fromIterable(prune ? stored.entrySet() : Set.<Map.Entry<String, Page>>of())
                .filter(e -> !seen.contains(e.getKey()))
                .concatMap(e -> pageWriter.importDelete(e.getValue(), author).doOnSuccess(v -> counts.deleted().incrementAndGet()));
        return pageWriter.importPages(writes, author).thenMany(deletes).then();
    }
}
