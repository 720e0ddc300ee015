package be.biodiversity.portal.content.jekyll;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir          a Jekyll repository folder to import at start-up; blank: none
 * @param maxFiles     the most files an import may hold
 * @param maxBytes     the most bytes an import may hold uncompressed, all files together
 * @param maxFileBytes the largest single file
 * @param layouts      the layouts the theme offers; any other is reported as unknown
 * @param parallelism  how many threads parse and check the files of one import (default: one per core, at most 4)
 */
@ConfigurationProperties("portal.content.import")
record ImportProperties(String dir, Integer maxFiles, Long maxBytes, Long maxFileBytes, List<String> layouts,
        Integer parallelism) {

    static final List<String> THEME_LAYOUTS = List.of("default", "page", "post", "home", "compose", "archive",
            "blank", "standardPrivacy", "pageNotFound", "literature", "occurrence", "dataset", "dataset-key",
            "publisher", "publisher-key", "collection-search", "collection-key", "institution-search",
            "institution-key", "species", "species-key", "event", "event-key", "resource", "documentation");

    ImportProperties {
        maxFiles = maxFiles == null ? 5_000 : maxFiles;
        maxBytes = maxBytes == null ? 50_000_000L : maxBytes;
        maxFileBytes = maxFileBytes == null ? 2_000_000L : maxFileBytes;
        layouts = layouts == null || layouts.isEmpty() ? THEME_LAYOUTS : List.copyOf(layouts);
        parallelism = parallelism == null || parallelism < 1
                ? Math.min(4, Runtime.getRuntime().availableProcessors()) : parallelism;
    }

    Limits limits() {
        return new Limits(maxFiles, maxBytes, maxFileBytes);
    }

    record Limits(int maxFiles, long maxBytes, long maxFileBytes) {
    }
}
