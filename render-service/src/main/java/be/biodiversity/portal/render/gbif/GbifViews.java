package be.biodiversity.portal.render.gbif;

import java.util.List;

/** What the GBIF search and record templates ({@code gbif-search.html}, {@code gbif-record.html}) show. */
public final class GbifViews {

    private GbifViews() {
    }

    public record LanguageLink(String lang, String href, boolean current) {
    }

    /**
     * GBIF could not be reached: {@code staleSince} set when an earlier answer is shown (its time, formatted), else
     * nothing is shown but the notice and the link to the same query on GBIF.org.
     */
    public record Notice(String staleSince, String gbifHref) {
    }

    public record Cell(String text, String href) {
    }

    public record FacetView(String field, String title, List<FacetValue> values) {
    }

    public record FacetValue(String label, String count, String href, boolean selected) {
    }

    public record Hidden(String name, String value) {
    }

    /** The map: rows of tiles, each a base-map image with GBIF's density image over it. */
    public record MapView(List<List<Tile>> rows) {
    }

    public record Tile(String base, String density) {
    }

    public record Search(String lang, String home, List<LanguageLink> languageLinks, String canonicalUrl,
            String title, String lead, String q, List<Hidden> keep, String clearHref, boolean filtered,
            List<FacetView> facets, List<String> columns, List<List<Cell>> rows, String count, long from, long to,
            long total, String previousHref, String nextHref, Notice notice, String invalidDetail,
            String gbifHref, MapView map) {
    }

    public record Field(String label, String value, String href) {
    }

    public record Button(String text, String href) {
    }

    public record Record(String lang, String home, List<LanguageLink> languageLinks, String canonicalUrl,
            String kind, String title, String subtitle, List<Field> fields, String descriptionHtml, String citation,
            List<Button> buttons, Notice notice, MapView map, String backHref, String backText) {
    }
}
