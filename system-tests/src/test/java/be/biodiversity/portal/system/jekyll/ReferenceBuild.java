package be.biodiversity.portal.system.jekyll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a real Jekyll build of a site wrote ({@code ../shared/fixtures/jekyll-reference/<site>/}): its HTML files, by
 * path ({@code about.html}). Redirect stubs ({@code jekyll-redirect-from}) and anything under {@code assets/} are
 * not pages of the site.
 */
public record ReferenceBuild(Path folder, Map<String, String> pages) {

    public static Optional<ReferenceBuild> find(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        Map<String, String> pages = new TreeMap<>();
        try (Stream<Path> walk = JekyllSite.walk(folder)) {
            walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".html")).forEach(file -> {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                String html = JekyllSite.text(file);
                if (!relative.startsWith("assets/") && !redirect(html)) {
                    pages.put(relative, html);
                }
            });
        }
        return Optional.of(new ReferenceBuild(folder, pages));
    }

    static boolean redirect(String html) {
        return html.length() < 2000 && html.contains("http-equiv=\"refresh\"");
    }

    /** The reference's HTML for a page Jekyll publishes at {@code output}, if it wrote one. */
    public Optional<String> html(String output) {
        return Optional.ofNullable(pages.get(output));
    }

    /** How the calculated list differs from what Jekyll wrote: pages it missed, and pages Jekyll did not write. */
    public Differences compare(JekyllSite site) {
        Set<String> calculated = site.byOutput().keySet();
        List<String> missed = new ArrayList<>(new TreeSet<>(pages.keySet()));
        missed.removeAll(calculated);
        List<String> extra = new ArrayList<>(new TreeSet<>(calculated));
        extra.removeAll(pages.keySet());
        return new Differences(missed, extra);
    }

    /**
     * @param missed pages Jekyll wrote that the calculation does not list
     * @param extra  pages the calculation lists that Jekyll did not write
     */
    public record Differences(List<String> missed, List<String> extra) {
    }
}
