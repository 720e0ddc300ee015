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

import be.biodiversity.portal.content.config.ContentProperties;
import be.biodiversity.portal.content.resolve.SiteContext;
import be.biodiversity.portal.content.revision.SiteRevision;
import be.biodiversity.portal.content.web.InvalidFieldException;

/** Reads the site's data files, and the {@code site} variable built from them (rebuilt when the site changes). */
@Service
public class SiteDataService {

    /** The context built at a site revision from data files at given versions. */
    private record Cached(long revision, java.util.List<String> files, SiteContext context) {
    }

    private final ReactiveMongoTemplate mongo;
    private final SiteRevision revision;
    private final ContentProperties properties;
    private final ParsedData parsed = new ParsedData();
    private final AtomicReference<Cached> cached = new AtomicReference<>(new Cached(-1, java.util.List.of(), null));

    SiteDataService(ReactiveMongoTemplate mongo, SiteRevision revision, ContentProperties properties) {
        this.mongo = mongo;
        this.revision = revision;
        this.properties = properties;
    }

    /** The {@code site} variable as stored now. */
    public Mono<SiteContext> context() {
        return revision.current().flatMap(state -> {
            Cached hit = cached.get();
            if (hit.revision() == state.revision() && hit.context() != null) {
                return Mono.just(hit.context());
            }
            return all().collectList().map(files -> {
                // a page write moves the revision too: keep the same context (and the pages resolved against
                // it) while the data files are the same
                java.util.List<String> versions = files.stream().map(f -> f.id() + ":" + f.version()).toList();
                SiteContext context = versions.equals(hit.files()) && hit.context() != null ? hit.context() : build(files);
                cached.set(new Cached(state.revision(), versions, context));
                return context;
            });
        });
    }

    SiteContext build(Iterable<SiteData> files) {
        return build(files, parsed::of);
    }

    /** Builds the {@code site} variable from data files not stored (yet), e.g. an import being checked. */
    public static SiteContext unstored(Iterable<SiteData> files) {
        return build(files, file -> ParsedData.parse(file.source()));
    }

    private static SiteContext build(Iterable<SiteData> files, java.util.function.Function<SiteData, Object> parser) {
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
        return SiteContext.of(config, defaults, byLang);
    }

    public Flux<SiteData> all() {
        return mongo.find(new Query().with(Sort.by("name", "lang")), SiteData.class);
    }

    /** A data file in a language, else the default-language file, as the theme falls back. */
    Mono<DataView> find(String name, String lang) {
        String requested = lang == null ? "" : knownLanguage(lang);
        Mono<SiteData> own = requested.isEmpty() ? Mono.empty() : stored(name, requested);
        return own.switchIfEmpty(Mono.defer(() -> stored(name, "")))
                .map(data -> DataView.of(data, requested, parsed.of(data)));
    }

    public Mono<SiteData> stored(String name, String lang) {
        return mongo.findOne(Query.query(Criteria.where("name").is(name).and("lang").is(lang)), SiteData.class);
    }

    String knownLanguage(String lang) {
        if (lang.isEmpty() || properties.languages().contains(lang)) {
            return lang;
        }
        throw new InvalidFieldException("lang",
                "'" + lang + "' is not a language of this site; known: " + properties.languages());
    }
}
