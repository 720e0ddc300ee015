package be.biodiversity.portal.render.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of a content-service listing, in GBIF's paging shape; only the fields we read are required. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageList(Long offset, Long count, Boolean endOfRecords, List<PageSummary> results) {

    public List<PageSummary> items() {
        return results == null ? List.of() : results;
    }

    public long start() {
        return offset == null ? 0 : offset;
    }

    /** The total of the listing; the items given when content-service does not say. */
    public long total() {
        return count == null ? start() + items().size() : count;
    }

    public boolean last() {
        return endOfRecords == null ? start() + items().size() >= total() : endOfRecords;
    }
}
