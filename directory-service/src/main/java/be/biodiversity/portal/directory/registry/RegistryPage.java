package be.biodiversity.portal.directory.registry;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of the GBIF registry's organisation list ({@code GET /v1/organization}). */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegistryPage(Long offset, Integer limit, Boolean endOfRecords, Long count, List<RegistryOrganisation> results) {

    List<RegistryOrganisation> organisations() {
        return results == null ? List.of() : results;
    }

    /** The last page says so; a page without the flag is last when it is empty. */
    boolean last() {
        return endOfRecords != null ? endOfRecords : organisations().isEmpty();
    }
}
