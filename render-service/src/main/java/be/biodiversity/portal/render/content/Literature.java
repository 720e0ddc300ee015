package be.biodiversity.portal.render.content;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The fields of a content-service literature record that we show. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Literature(String id, String title, List<Author> authors, Integer year, String source,
        String literatureType, List<String> topics, List<String> countriesOfCoverage, Boolean openAccess,
        Boolean peerReview, Map<String, String> identifiers, List<String> websites,
        @JsonProperty("abstract") String abstractText, List<String> gbifDownloadKey, Boolean sample) {

    /** An invented record content-service loaded as a sample (tests and demos), never to be shown as real. */
    public boolean isSample() {
        return Boolean.TRUE.equals(sample);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String firstName, String lastName) {

        public String name() {
            return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        }
    }

    public String authorNames() {
        return authors == null ? "" : String.join(", ", authors.stream().map(Author::name).toList());
    }

    public String doi() {
        return identifiers == null ? null : identifiers.get("doi");
    }
}
