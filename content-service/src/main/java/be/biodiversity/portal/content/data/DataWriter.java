package be.biodiversity.portal.content.data;

import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import be.biodiversity.portal.content.yaml.Yaml;
import be.biodiversity.portal.content.resolve.UnsafeMarkup;
import be.biodiversity.portal.content.resolve.RenderScheduler;
import be.biodiversity.portal.content.revision.SiteRevision;
import be.biodiversity.portal.content.web.ConflictException;
import be.biodiversity.portal.content.web.InvalidFieldException;
import be.biodiversity.portal.content.web.NotFoundException;

/** Every write to data files: YAML checked, guarded by the version, recorded as a revision, counted. */
@Service
public class DataWriter {

    private static final Pattern NAME = Pattern.compile("_config|[A-Za-z0-9][A-Za-z0-9_-]{0,99}(/[A-Za-z0-9][A-Za-z0-9_-]{0,99}){0,3}");
    static final int MAX_SOURCE = 1_000_000;

    private final ReactiveMongoTemplate mongo;
    private final SiteDataService data;
    private final SiteRevision revision;
    private final RenderScheduler render;
    private final DataFileCheck users;

    DataWriter(ReactiveMongoTemplate mongo, SiteDataService data, SiteRevision revision, RenderScheduler render,
            DataFileCheck users) {
        this.mongo = mongo;
        this.data = data;
        this.revision = revision;
        this.render = render;
        this.users = users;
    }

    /** Creates the file ({@code version} null) or replaces it if {@code version} is still its version. */
    Mono<SiteData> put(String name, String lang, String source, Long version, String author) {
        return put(name, lang, source, version, author, null);
    }

    /** Makes the text of an old revision current again, as a new version; also brings a deleted file back. */
    Mono<SiteData> restore(String name, String lang, long revision, Long version, String author) {
        String language = data.knownLanguage(lang == null ? "" : lang);
        Query query = Query.query(Criteria.where("snapshot.name").is(name).and("snapshot.lang").is(language)
                .and("version").is(revision).and("action").ne("delete")).with(Sort.by(Sort.Direction.DESC, "at"));
        return mongo.findOne(query, DataRevision.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Data file " + name + " has no revision " + revision)))
                .flatMap(old -> data.stored(name, language).map(SiteData::version).map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(current -> put(name, language, old.snapshot().getString("source"),
                                current.isPresent() ? version : null, author, "restore")));
    }

    private Mono<SiteData> put(String name, String lang, String source, Long version, String author, String action) {
        return Mono.defer(() -> {
            String language = data.knownLanguage(lang == null ? "" : lang);
            // parsing and scanning up to a megabyte of YAML is CPU work: on the render scheduler, not the event loop
            return checked(name, source).then(data.stored(name, language)).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(current -> {
                        if (current.isPresent() && !current.get().version().equals(version)) {
                            return Mono.error(stale(current.get()));
                        }
                        if (current.isEmpty() && version != null) {
                            return Mono.error(new NotFoundException("No data file " + name + " in language '" + language + "'"));
                        }
                        String id = current.map(SiteData::id).orElse(null);
                        String path = current.map(SiteData::sourcePath).orElse(null);
                        // the pages that read the file, resolved against it as it would be: none may go over a limit
                        return users.check(name, language, source).then(Mono.defer(() -> save(new SiteData(id, name,
                                language, source, version, Instant.now(), author, path, null),
                                action != null ? action : current.isEmpty() ? "create" : "update", author)));
                    });
        });
    }

    Mono<Void> delete(String name, String lang, long version, String author) {
        return data.stored(name, data.knownLanguage(lang == null ? "" : lang))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No data file " + name + " in language '" + lang + "'")))
                .flatMap(current -> current.version() != version ? Mono.error(stale(current))
                        : mongo.remove(Query.query(Criteria.where("_id").is(current.id()).and("version").is(version)),
                                SiteData.class).flatMap(r -> r.getDeletedCount() == 1
                                        ? record(current, "delete", author).then()
                                        : Mono.error(stale(current))));
    }

    Flux<DataRevision.Entry> history(String id) {
        return mongo.find(Query.query(Criteria.where("dataId").is(id)).with(Sort.by(Sort.Direction.DESC, "at")),
                DataRevision.class).map(DataRevision::entry);
    }

    /** Saves a file the importer read, inserting it or replacing {@code current}. */
    public Mono<SiteData> importFile(String name, String lang, String source, SiteData current, String path,
            String hash, String author) {
        return save(new SiteData(current == null ? null : current.id(), name, lang, source,
                current == null ? null : current.version(), Instant.now(), author, path, hash), "import", author);
    }

    public Mono<Void> importDelete(SiteData current, String author) {
        return delete(current.name(), current.lang(), current.version(), author);
    }

    Mono<Void> checked(String name, String source) {
        return Mono.<Void>fromRunnable(() -> check(name, source)).subscribeOn(render.scheduler())
                .onErrorMap(RejectedExecutionException.class, ex -> new ResponseStatusException(
                        HttpStatus.SERVICE_UNAVAILABLE, "Too many pages are being resolved; try again"));
    }

    private void check(String name, String source) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidFieldException("name", "'" + name + "' is not a data file name (letters, digits, - and _)");
        }
        if (source == null) {
            throw new InvalidFieldException("source", "must be the YAML text of the file");
        }
        if (source.length() > MAX_SOURCE) {
            throw new InvalidFieldException("source", "is " + source.length() + " characters long; at most "
                    + MAX_SOURCE + " are accepted");
        }
        try {
            ParsedData.parse(source);
        }
        catch (Yaml.YamlException ex) {
            throw new InvalidFieldException("source", "line " + ex.line() + ": " + ex.getMessage());
        }
        // data files reach pages (Liquid, navigation, footer) as pages' own text does: the same markup is refused
        UnsafeMarkup.find(source).ifPresent(unsafe -> {
            throw new InvalidFieldException("source", unsafe);
        });
    }

    private Mono<SiteData> save(SiteData file, String action, String author) {
        Mono<SiteData> write = file.id() == null ? mongo.insert(file) : mongo.save(file);
        return write.onErrorResume(OptimisticLockingFailureException.class,
                        ex -> data.stored(file.name(), file.lang()).flatMap(now -> Mono.error(stale(now))))
                .flatMap(saved -> record(saved, action, author));
    }

    private Mono<SiteData> record(SiteData file, String action, String author) {
        org.bson.Document snapshot = new org.bson.Document();
        mongo.getConverter().write(file, snapshot);
        return mongo.insert(new DataRevision(null, file.id(), file.version() == null ? 0 : file.version(), action,
                author, Instant.now(), snapshot)).then(revision.bump()).thenReturn(file);
    }

    private static ConflictException stale(SiteData current) {
        return new ConflictException("Data file " + current.name() + " was changed meanwhile: its version is now "
                + current.version(), current.version());
    }
}
