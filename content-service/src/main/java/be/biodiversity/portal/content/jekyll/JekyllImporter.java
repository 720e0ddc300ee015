package be.biodiversity.portal.content.jekyll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;

import be.biodiversity.portal.content.asset.AssetImport;
import be.biodiversity.portal.content.config.ContentProperties;
import be.biodiversity.portal.content.data.SiteData;
import be.biodiversity.portal.content.data.SiteDataService;
import be.biodiversity.portal.content.language.Languages;
import be.biodiversity.portal.content.language.SiteLanguages;
import be.biodiversity.portal.content.memory.HeapRelease;
import be.biodiversity.portal.content.page.Page;
import be.biodiversity.portal.content.page.PageRules;
import be.biodiversity.portal.content.resolve.PageResolver;
import be.biodiversity.portal.content.revision.BulkWrites;
import be.biodiversity.portal.content.revision.SiteRevision;
import be.biodiversity.portal.content.resolve.SiteContext;
import be.biodiversity.portal.content.search.PreparedPages;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Imports a Jekyll repository: reads and checks everything first, then stores it. A file with an error of its own is
 * left out, stripped of unsafe markup or imported as Jekyll would build it, and reported; the rest of the site is
 * imported. With {@code strict} any error refuses the import, which then changes nothing. The import replaces the
 * site stored before (what the repository no longer has is deleted) unless it is a {@code merge}. The site's
 * languages are stored with it ({@link SiteLanguages}). One import runs at a time.
 */
@Service
public class JekyllImporter {

    /** From this many files on, an import lets the heap grow in large steps ({@link HeapRelease#widen()}). */
    static final int LARGE_IMPORT_FILES = 1000;

    private final ContentProperties content;
    private final ImportProperties properties;
    private final PageRules rules;
    private final PageResolver resolver;
    private final SiteDataService data;
    private final ImportWriter writer;
    private final AssetImport assets;
    private final SiteRevision revision;
    private final Languages languages;
    private final BulkWrites bulk;
    private final HeapRelease memory;
    private final PreparedPages prepared;
    private final AtomicBoolean running = new AtomicBoolean();

    JekyllImporter(ContentProperties content, ImportProperties properties, PageRules rules, PageResolver resolver,
            SiteDataService data, ImportWriter writer, AssetImport assets, SiteRevision revision, Languages languages,
            BulkWrites bulk, HeapRelease memory, PreparedPages prepared) {
        this.prepared = prepared;
        this.bulk = bulk;
        this.memory = memory;
        this.assets = assets;
        this.revision = revision;
        this.languages = languages;
        this.content = content;
        this.properties = properties;
        this.rules = rules;
        this.resolver = resolver;
        this.data = data;
        this.writer = writer;
    }

    /** How one import runs: {@code dryRun} only reports; {@code merge} keeps what the site no longer has;
     * {@code strict} refuses the whole import (nothing stored) when any file has an error. */
    record Options(boolean dryRun, boolean merge, boolean strict) {
    }

    /**
     * @param files reads the repository; called on a bounded-elastic thread because it does blocking I/O
     *              (folder walk, archive decompression), as is the CPU-heavy reading and resolving that follows
     */
    Mono<ImportReport> importFiles(String source, Supplier<List<SourceFile>> files, Options options, String author) {
        return importFiles(source, files, options, author, ImportProgress.NONE);
    }

    Mono<ImportReport> importFiles(String source, Supplier<List<SourceFile>> files, Options options, String author,
            ImportProgress progress) {
        return Mono.defer(() -> {
            if (!running.compareAndSet(false, true)) {
                return Mono.error(busyError());
            }
            ImportTimes times = new ImportTimes(source);
            // what the checks resolve of each page, for the site search once the pages are written (not for a dry run)
            AtomicReference<PreparedPages.Parts> search = options.dryRun() ? null : new AtomicReference<>();
            // the whole site is in memory from the first read to the last write
            return memory.during(Mono.fromCallable(() -> {
                        List<SourceFile> read = files.get();
                        times.lap("read " + read.size() + " files");
                        if (read.size() >= LARGE_IMPORT_FILES) {
                            // an upload's files were read before the job began (ImportController), not counted here
                            memory.widen();
                        }
                        progress.read(read.size());
                        ReadSite site = read(read, times, search);
                        return site;
                    })
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(site -> {
                        progress.checked(site.items().size() + site.data().size() + site.includes().size());
                        if (site.hasErrors(options.strict())) {
                            return Mono.error(new ImportFailedException(report(source, site, options.dryRun(), false, null, null)));
                        }
                        if (options.dryRun()) {
                            return Mono.just(report(source, site, true, false, null, null));
                        }
                        if (search.get() != null) {
                            prepared.handOver(search.get());
                        }
                        ImportWriter.Counts counts = new ImportWriter.Counts();
                        progress.writing(counts);
                        boolean replace = !options.merge();
                        // one batch: the import's documents and static files are one entry of the change feed
                        return bulk.during(revision.batch(writer.write(site, replace, author, counts, times)
                                .doOnNext(c -> times.lap("wrote documents (" + c + ")"))
                                .flatMap(c -> assets
                                .store(assets.plan(site.assets()), replace, site.skipped())
                                .doOnNext(a -> times.lap("stored static files"))
                                .map(a -> report(source, site, false, true, c, a)))))
                                .doOnNext(r -> times.lap("recorded the site revision"))
                                .flatMap(report -> site.languages() == null ? Mono.just(report)
                                        : saveLanguages(merged(site.languages(), options)).thenReturn(report))
                                .doOnNext(r -> times.done());
                    })
                    // released before the answer goes out, so the caller's next import is not refused
                    .doOnTerminate(() -> running.set(false))
                    .doOnCancel(() -> running.set(false)));
        });
    }

    /** The site's languages, unless they are the ones stored already: an unchanged re-import writes nothing. */
    private Mono<SiteLanguages> saveLanguages(SiteLanguages read) {
        SiteLanguages stored = languages.current();
        if (stored != null && read.equals(new SiteLanguages(read.site(), stored.defaultLanguage(), stored.languages(),
                stored.labels(), stored.undeclared(), stored.source(), read.updatedAt()))
                && read.site().equals(stored.site())) {
            return Mono.just(stored);
        }
        return languages.save(read);
    }

    /** A merge keeps the languages stored before and adds the import's; a replacing import stores its own. */
    private SiteLanguages merged(SiteLanguages read, Options options) {
        SiteLanguages stamped = new SiteLanguages(read.site(), read.defaultLanguage(), read.languages(), read.labels(),
                read.undeclared(), read.source(), Instant.now());
        if (!options.merge()) {
            return stamped;
        }
        List<String> all = new ArrayList<>(languages.languages());
        read.languages().stream().filter(l -> !all.contains(l)).forEach(all::add);
        return new SiteLanguages(read.site(), languages.defaultLanguage(), all, read.labels(), read.undeclared(),
                read.source(), Instant.now());
    }

    /** Imports a repository folder on this machine (the start-up option). */
    public Mono<ImportReport> importFolder(java.nio.file.Path folder, boolean dryRun, boolean prune, String author) {
        return importFiles(folder.toString(),
                () -> SourceReader.folder(folder, properties.limits(), assets.reader(), this::counted),
                new Options(dryRun, !prune, false), author);
    }

    /** Imports an uploaded {@code .zip} or {@code .tar.gz}. */
    public Mono<ImportReport> importArchive(String name, byte[] archive, boolean dryRun, boolean prune, String author) {
        return importArchive(name, archive, new Options(dryRun, !prune, false), author, ImportProgress.NONE);
    }

    Mono<ImportReport> importArchive(String name, byte[] archive, Options options, String author,
            ImportProgress progress) {
        return importFiles(name,
                () -> SourceReader.archive(name, archive, properties.limits(), assets.reader(), this::counted),
                options, author, progress);
    }

    /** A site of many files holds much in memory from its first files on: the heap grows in large steps. */
    private void counted(int files) {
        if (files == LARGE_IMPORT_FILES) {
            memory.widen();
        }
    }

    boolean busy() {
        return running.get();
    }

    static ResponseStatusException busyError() {
        return new ResponseStatusException(HttpStatus.CONFLICT, "Another import is running; try again when it is done");
    }

    /** Reads an uploaded archive's files (blocking): an unsafe or oversized archive is an ArchiveRejectedException. */
    List<SourceFile> readArchive(String name, byte[] archive) {
        return SourceReader.archive(name, archive, properties.limits(), assets.reader());
    }

    long maxUploadBytes() {
        return properties.maxBytes();
    }

    ReadSite read(List<SourceFile> files) {
        return read(files, new ImportTimes("site"), null);
    }

    /** @param search set to the parts the checks prepared for the site search; null: none prepared */
    private ReadSite read(List<SourceFile> files, ImportTimes times, AtomicReference<PreparedPages.Parts> search) {
        // the page rules, language apart: the site's own languages are the ones its pages may use
        ImportPool pool = new ImportPool(properties.parallelism());
        ReadSite site = new SiteReader(content.defaultLanguage(),
                page -> rules.check(ImportedPages.inLanguage(page, languages.defaultLanguage())), Instant.now(),
                assets.reader(), pool).read(files);
        times.lap("parsed " + site.items().size() + " pages and posts");
        // static files past the count or total-size limit: reported, left out, the rest imported
        AssetImport.Plan plan = assets.plan(site.assets());
        List<SiteData> dataFiles = site.data().stream()
                .map(d -> new SiteData(d.path(), d.name(), d.lang(), d.source(), 0L, null, null, d.path(), d.hash()))
                .toList();
        SiteContext context = SiteDataService.unstored(dataFiles, site.includesByName());
        List<Problem> problems = new ArrayList<>(site.problems());
        plan.refused().forEach((path, reason) -> problems.add(new Problem(Problem.Severity.ERROR, path, null, reason,
                Problem.SKIPPED)));
        PreparedPages.Parts parts = search == null ? null : prepared.collect(context);
        if (search != null) {
            search.set(parts);
        }
        problems.addAll(new SiteChecks(resolver, new HashSet<>(properties.layouts()),
                parts == null ? (item, resolved) -> { } : (item, resolved) -> parts.add(item.page(), item.hash(), resolved))
                .check(site, context, pool));
        times.lap("checked Liquid, markdown and links");
        // The portal's own paths (/api, /actuator, /_gateway, /assets, robots.txt, sitemap.xml, feed.xml, favicon.ico,
        // render-service's routes such as /search and /publisher/…, also after a language prefix of this site) are
        // never a page of the site: left out with a warning naming file and line; the rest of the site is imported.
        List<String> siteLanguages = site.languages() == null ? List.of() : site.languages().languages();
        for (ImportedItem item : site.items()) {
            rules.reservedForImport(item.page().permalink(), siteLanguages).ifPresent(reserved -> problems.add(new Problem(
                    Problem.Severity.WARNING, item.path(), item.lineOf("permalink"), reserved.getMessage()
                            + "; the portal answers this path itself, so the page is not imported", Problem.SKIPPED)));
        }
        ReadSite checked = site.with(site.items(), problems);
        java.util.Set<String> skipped = checked.skipped();
        return new ReadSite(site.items().stream().filter(i -> !skipped.contains(i.path())).map(ImportedItem::withoutText)
                .toList(), site.data(), site.includes(), problems, site.languages(), plan.accepted());
    }

    private static ImportReport report(String source, ReadSite site, boolean dryRun, boolean imported,
            ImportWriter.Counts counts, AssetImport.Counts files) {
        Map<String, Map<String, Integer>> perKind = new TreeMap<>();
        site.items().forEach(i -> perKind.computeIfAbsent(Page.DRAFT.equals(i.page().status()) ? "draft"
                : i.page().kind(), k -> new TreeMap<>()).merge(i.page().lang(), 1, Integer::sum));
        site.data().stream().filter(d -> !d.name().equals(SiteData.CONFIG))
                .forEach(d -> perKind.computeIfAbsent("data", k -> new TreeMap<>()).merge(d.lang(), 1, Integer::sum));
        long errors = site.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        site.includes().forEach(i -> perKind.computeIfAbsent("include", k -> new TreeMap<>()).merge("", 1, Integer::sum));
        if (!site.assets().isEmpty()) {
            perKind.put("asset", new TreeMap<>(Map.of("", site.assets().size())));
        }
        return new ImportReport(source, dryRun, imported, perKind,
                (counts == null ? 0 : counts.created().get()) + (files == null ? 0 : files.created()),
                (counts == null ? 0 : counts.updated().get()) + (files == null ? 0 : files.updated()),
                (counts == null ? 0 : counts.unchanged().get()) + (files == null ? 0 : files.unchanged()),
                (counts == null ? 0 : counts.deleted().get()) + (files == null ? 0 : files.deleted()),
                (int) errors, (int) (site.problems().size() - errors), site.problems());
    }
}
