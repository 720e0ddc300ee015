package be.biodiversity.portal.content.literature;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sample      load the invented sample literature (marked {@code sample: true}) when no literature is
 *                    stored — for a demo only; false (the default) also removes sample records a former start
 *                    loaded
 * @param importFile  a GBIF literature-search JSON file to import (upsert) at every start; unset: none
 */
@ConfigurationProperties("portal.content.literature")
record LiteratureProperties(boolean sample, Path importFile) {
}
