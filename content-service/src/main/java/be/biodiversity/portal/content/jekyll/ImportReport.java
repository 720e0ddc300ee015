package be.biodiversity.portal.content.jekyll;

import java.util.List;
import java.util.Map;

/**
 * What an import found and did.
 *
 * @param counts    per kind ({@code page}, {@code post}, {@code draft}, {@code data}) and language ("" for the
 *                  default-language data files), what the repository holds
 * @param created   documents inserted; {@code updated} replaced; {@code unchanged} left as they were;
 *                  {@code deleted} removed because their file is gone
 * @param problems  every error and warning, with file and line
 */
public record ImportReport(String source, boolean dryRun, boolean imported, Map<String, Map<String, Integer>> counts,
        int created, int updated, int unchanged, int deleted, int errors, int warnings, List<Problem> problems) {
}
