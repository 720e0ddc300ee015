package be.biodiversity.portal.content.literature;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param loadSample  load the sample shipped in the jar when no literature is stored
 * @param importFile  a GBIF literature-search JSON file to import (upsert) at every start; unset: none
 */
@ConfigurationProperties("portal.content.literature")
record LiteratureProperties(Boolean loadSample, Path importFile) {

    LiteratureProperties {
        loadSample = loadSample == null || loadSample;
    }
}
