package be.biodiversity.portal.content.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import be.biodiversity.portal.content.config.ContentProperties;
import be.biodiversity.portal.content.language.Languages;
import be.biodiversity.portal.content.yaml.Yaml;
import be.biodiversity.portal.content.resolve.RenderScheduler;
import be.biodiversity.portal.content.include.SiteInclude;
import be.biodiversity.portal.content.include.SiteIncludes;
import be.biodiversity.portal.content.resolve.SiteContext;
import be.biodiversity.portal.content.revision.SiteRevision;
import be.biodiversity.portal.content.web.InvalidFieldException;

/** Reads the site's data files, and the {@code site} variable built from them (rebuilt when the site changes). */
@Service
public class SiteDataService {

    /** The context built at a site revision from data files and includes at given versions. */
    private record Cached(long revision, java.util.List<String> files, SiteContext context) {
    }

    private final ReactiveMongoTemplate mongo;
    private final SiteRevision revision;
    private final ContentProperties properties;
    private final SiteIncludes includes;
    private final ParsedData parsed = new ParsedData();
    private final AtomicReference<Cached> cached = new AtomicReference<>(new Cached(-1, java.util.List.of(), null));

    private final RenderScheduler render;

    private final Languages languages;

    SiteDataService(ReactiveMongoTemplate mongo, SiteRevision revision, ContentProperties properties,
            SiteIncludes includes, RenderScheduler render, Languages languages) {
        this.languages = languages;
        this.mongo = mongo;
        this.revision = revision;
        this.properties = properties;
        this.includes = includes;
        this.render = render;
    }

    /** The {@code site} variable as stored now. */
    public Mono<SiteContext> context() {
        return revision.current().flatMap(state -> {
            Cached hit = cached.get();
            if (hit.revision() == state.revision() && hit.context() != null) {
                return Mono.just(hit.context());
            }
            // parsing the YAML of every data file is CPU work: off the MongoDB driver's event loop
            return all().collectList().zipWith(includes.all().collectList()).publishOn(render.scheduler())
                    .map(stored -> contextOf(stored.getT1(), stored.getT2(), hit, state.revision()));
        });
    }

    private SiteContext contextOf(java.util.List<SiteData> files, java.util.List<SiteInclude> stored, Cached hit,
            long siteRevision) {
        // a page write moves the revision too: keep the same context (and the pages resolved against it) while
        // the data files and includes are the same
        java.util.List<String> versions = new java.util.ArrayList<>();
        files.forEach(f -> versions.add("data " + f.id() + ":" + f.version()));
        stored.forEach(i -> versions.add("include " + i.id() + ":" + i.version()));
        SiteContext context = versions.equals(hit.files()) && hit.context() != null ? hit.context()
                : build(files, stored, versions);
        cached.set(new Cached(siteRevision, versions, context));
        return context;
    }

    private SiteContext build(Iterable<SiteData> files, Iterable<SiteInclude> stored, java.util.List<String> versions) {
        Map<String, String> byName = new LinkedHashMap<>();
        stored.forEach(i -> byName.put(i.name(), i.source()));
        return build(files, parsed::orEmpty, byName, java.util.UUID.nameUUIDFromBytes(String.join(",", versions)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }

    /** Builds the {@code site} variable from data files and includes not stored (yet), e.g. an import being checked. */
    public static SiteContext unstored(Iterable<SiteData> files, Map<String, String> includes) {
        return build(files, ParsedData::parseOrEmpty, includes, "unstored");
    }

    private static SiteContext build(Iterable<SiteData> files, java.util.function.Function<SiteData, Object> parser,
            Map<String, String> includes, String version) {
        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        Map<String, Map<String, Object>> byLang = new LinkedHashMap<>();
        for (SiteData file : files) {
            Object content = parser.apply(file);
            if (SiteData.CONFIG.equals(file.name())) {
                if (content instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> config.put(String.valueOf(k), v));
                }
            }
            else if (file.lang().isEmpty()) {
                defaults.put(file.name(), content);
            }
            else {
                byLang.computeIfAbsent(file.lang(), l -> new LinkedHashMap<>()).put(file.name(), content);
            }
        }
        return SiteContext.of(config, defaults, byLang, includes, version);
    }

    public Flux<SiteData> all() {
        return mongo.find(new Query().with(Sort.by("name", "lang")), SiteData.class);
    }

    /** A data file in a language, else the default-language file, as the theme falls back. */
    Mono<DataView> find(String name, String lang) {
        String requested = lang == null ? "" : knownLanguage(lang);
        Mono<SiteData> own = requested.isEmpty() ? Mono.empty() : stored(name, requested);
        return own.switchIfEmpty(Mono.defer(() -> stored(name, ""))).publishOn(render.scheduler())
                .map(data -> {
                    try {
                        return DataView.of(data, requested, parsed.of(data));
                    }
                    catch (Yaml.YamlException ex) {
                        // stored before a limit it now breaks (the YAML expansion limit): named, not a 500
                        throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "Data file " + name
                                + " cannot be read: line " + ex.line() + ": " + ex.getMessage());
                    }
                });
    }

    public Mono<SiteData> stored(String name, String lang) {
        return mongo.findOne(Query.query(Criteria.where("name").is(name).and("lang").is(lang)), SiteData.class);
    }

    String knownLanguage(String lang) {
        if (lang.isEmpty() || languages.languages().contains(lang)) {
            return lang;
        }
        throw new InvalidFieldException("lang",
                "'" + lang + "' is not a language of this site; known: " + languages.languages());
    }
}
