package be.biodiversity.portal.content.literature;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A publication that uses GBIF-mediated data, shaped like a record of GBIF's literature search. The id is
 * GBIF's. {@code searchTokens} (folded words of title, abstract, authors and source) serves the text query on
 * every MongoDB backend, the embedded one having no {@code $text}; it never leaves the service.
 */
@Document("literature")
record LiteratureRecord(
        @Id String id,
        String title,
        List<Author> authors,
        Integer year,
        String source,
        String literatureType,
        List<String> topics,
        List<String> countriesOfResearcher,
        List<String> countriesOfCoverage,
        Boolean openAccess,
        Boolean peerReview,
        Map<String, String> identifiers,
        List<String> websites,
        @JsonProperty("abstract") String abstractText,
        List<String> gbifDownloadKey,
        @JsonIgnore @Indexed List<String> searchTokens,
        @Version Long version,
        Instant modifiedAt) {

    /** The same record as imported data, ignoring what the service adds (tokens, version, time). */
    boolean sameContentAs(LiteratureRecord other) {
        return other != null && imported().equals(other.imported());
    }

    LiteratureRecord imported() {
        return new LiteratureRecord(id, title, authors, year, source, literatureType, topics, countriesOfResearcher,
                countriesOfCoverage, openAccess, peerReview, identifiers, websites, abstractText, gbifDownloadKey,
                null, null, null);
    }

    LiteratureRecord stored(List<String> tokens, Long currentVersion, Instant now) {
        return new LiteratureRecord(id, title, authors, year, source, literatureType, topics, countriesOfResearcher,
                countriesOfCoverage, openAccess, peerReview, identifiers, websites, abstractText, gbifDownloadKey,
                tokens, currentVersion, now);
    }
}
