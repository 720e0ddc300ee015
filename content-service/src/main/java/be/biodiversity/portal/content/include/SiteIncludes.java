package be.biodiversity.portal.content.include;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import be.biodiversity.portal.content.revision.SiteRevision;

/**
 * The site's {@code _includes} files as stored with it: read to build the site context, written by the importer
 * (inserted, replaced when the file changed, deleted when it is gone), each write counted in the site revision.
 */
@Service
public class SiteIncludes {

    private final ReactiveMongoTemplate mongo;
    private final SiteRevision revision;

    SiteIncludes(ReactiveMongoTemplate mongo, SiteRevision revision) {
        this.mongo = mongo;
        this.revision = revision;
    }

    /** Every include of the (one) site, by name. */
    public Flux<SiteInclude> all() {
        return mongo.find(Query.query(Criteria.where("site").is(SiteInclude.DEFAULT_SITE)).with(Sort.by("name")),
                SiteInclude.class);
    }

    /** Saves an include the importer read, inserting it or replacing {@code current}. */
    public Mono<SiteInclude> importFile(String name, String source, SiteInclude current, String path, String hash,
            String author) {
        SiteInclude file = new SiteInclude(SiteInclude.id(SiteInclude.DEFAULT_SITE, name), SiteInclude.DEFAULT_SITE,
                name, source, current == null ? null : current.version(), Instant.now(), author, path, hash);
        return (current == null ? mongo.insert(file) : mongo.save(file)).flatMap(saved -> revision.bump().thenReturn(saved));
    }

    public Mono<Void> importDelete(SiteInclude current) {
        return mongo.remove(Query.query(Criteria.where("_id").is(current.id())), SiteInclude.class)
                .flatMap(r -> revision.bump()).then();
    }
}
