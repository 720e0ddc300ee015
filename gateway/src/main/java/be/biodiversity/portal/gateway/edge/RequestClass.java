package be.biodiversity.portal.gateway.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a request is, decided once from its decoded, normalised path, for every policy filter to read instead of
 * looking at the path as sent ({@code startsWith("/api/")} on the raw path let {@code /%61pi/…} slip past the
 * limits while the routes, which match the decoded path, sent it to the API).
 * <p>
 * How to use it: {@code RequestClass.of(exchange)} in any filter. {@link RequestClassFilter} (right after the
 * access log) puts it into the exchange attribute {@link #ATTRIBUTE}; {@code of} computes and stores it if a
 * filter runs earlier or in a test. Decide by {@link #kind()} ({@code PAGE}: rendered by render-service, may be
 * cached; {@code ASSET}: a static file of render-service, may be cached; {@code API}: never cached, limited;
 * {@code INTERNAL}: answered 404 by {@code InternalPathFilter}; {@code MANAGEMENT}: the management port).
 * {@link #path()} is the normalised path (percent-escapes decoded, matrix parameters, empty and {@code .} segments
 * dropped, {@code ..} applied); {@link #plain()} says whether the request was sent in that spelling
 * (canonical-path redirects and cache keys can build on both). A request whose normalised path is an API path but
 * that was not sent as such ({@code /%61pi/}, {@code /api;x/}, {@code //api/}, {@code /API/}) is refused 400 by
 * {@code InternalPathFilter} before any other policy filter, so from there on {@code API} is exactly what the
 * API routes match.
 * <p>
 * Page-cache contract: uncached pages with a query string and search pages spend the client's read budget in a
 * route filter of the {@code pages} route ({@code limit/PageBudget}); whatever the page cache answers itself,
 * without calling the route, is free. The cache therefore must not pass a request it answers on to the route.
 *
 * @param kind what the request is
 * @param path the normalised, decoded path ({@code /} for the root)
 * @param plain the path was sent exactly so (no escapes, parameters, empty or dot segments, trailing slash)
 * @param service for {@code API}: the service named by the second segment ({@code content}, {@code directory}),
 *     else empty
 * @param disguised the path as sent and the normalised path disagree on whether this is an API request, or an API
 *     path holds {@code .}/{@code ..} segments: refused 400 by {@code InternalPathFilter}
 */
public record RequestClass(Kind kind, String path, boolean plain, String service, boolean disguised) {

    /** The exchange attribute holding a request's {@link RequestClass}. */
    public static final String ATTRIBUTE = RequestClass.class.getName();

    /** content-service's change feed: read by render-service and the gateway from content-service itself. */
    private static final String CHANGE_FEED = "/api/content/v1/changes";

    private static final Set<String> ASSET_FOLDERS = Set.of("assets", "css", "js", "img", "images", "fonts");

    private static final Set<String> ASSET_EXTENSIONS = Set.of("css", "js", "mjs", "map", "svg", "png", "jpg",
            "jpeg", "gif", "webp", "avif", "ico", "woff", "woff2", "ttf", "otf", "eot", "bmp", "tif", "tiff", "pdf",
            "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "epub", "csv", "tsv", "zip", "gz",
            "txt", "md", "json", "geojson", "xml", "kml", "gpx", "mp3", "mp4", "m4a", "ogg", "oga", "webm", "wav");

    /** Files render-service answers itself, whatever their extension: pages, not site files. */
    private static final Set<String> RENDERED_FILES = Set.of("/robots.txt", "/sitemap.xml");

    /** render-service's own static files (its stylesheet); every other {@code ASSET} is a file of the site. */
    private static final String RENDER_STATIC = "/assets/portal/";

    /** The kinds of request the gateway treats differently. */
    public enum Kind {
        /** A page rendered by render-service (also its feeds, sitemap, robots.txt). */
        PAGE,
        /**
         * A static file: render-service's own ({@code /assets/portal/…}) or, {@link #isSiteFile()}, a file of the
         * site served by content-service ({@code /assets/…}, {@code /css/…}, favicon, PDFs, …).
         */
        ASSET,
        /** {@code /api/{service}/…}: content-service or directory-service. */
        API,
        /** An {@code actuator} or {@code _gateway} segment, or the content change feed, on the public port: never forwarded. */
        INTERNAL,
        /** Any request on the management port. */
        MANAGEMENT
    }

    /** The request's class, from the exchange attribute, computed and stored there when missing. */
    public static RequestClass of(ServerWebExchange exchange) {
        RequestClass known = exchange.getAttribute(ATTRIBUTE);
        if (known == null) {
            known = classify(exchange);
            exchange.getAttributes().put(ATTRIBUTE, known);
        }
        return known;
    }

    public boolean isApi() {
        return this.kind == Kind.API;
    }

    /** A page or an asset: what render-service answers and the page cache may keep. */
    public boolean isPageOrAsset() {
        return this.kind == Kind.PAGE || this.kind == Kind.ASSET;
    }

    /**
     * A file of the imported site ({@code /assets/images/logo.png}, {@code /favicon.ico}, {@code /docs/report.pdf}):
     * an {@code ASSET} that is not render-service's own ({@code /assets/portal/…}); served by content-service.
     */
    public boolean isSiteFile() {
        return this.kind == Kind.ASSET && !this.path.startsWith(RENDER_STATIC);
    }

    /**
     * {@link #isSiteFile()} for a path in its canonical spelling (the Netty fast path, which serves only copies kept
     * under that spelling): its segments are split as sent.
     */
    public static boolean isSiteFile(String canonicalPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : canonicalPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        String path = "/" + String.join("/", segments);
        return classify(canonicalPath, segments, path, true).isSiteFile();
    }

    /** A page whose last segment is {@code search} ({@code /publisher/search}, {@code /nl/literature/search}). */
    public boolean isSearchPage() {
        return this.kind == Kind.PAGE && (this.path.endsWith("/search"));
    }

    /** An API path with an {@code imports} segment: bulk uploads. */
    public boolean isImport() {
        return this.kind == Kind.API && (this.path.endsWith("/imports") || this.path.contains("/imports/"));
    }

    /** A request that may change something: anything but GET, HEAD and OPTIONS. */
    public static boolean isWrite(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    static RequestClass classify(ServerWebExchange exchange) {
        var context = exchange.getApplicationContext();
        String raw = exchange.getRequest().getPath().pathWithinApplication().value();
        List<String> segments = normalise(exchange.getRequest().getPath().pathWithinApplication());
        String path = "/" + String.join("/", segments);
        boolean plain = raw.equals(path);
        if (context != null && WebServerApplicationContext.hasServerNamespace(context, "management")) {
            return new RequestClass(Kind.MANAGEMENT, path, plain, "", false);
        }
        return classify(raw, segments, path, plain);
    }

    static RequestClass classify(String raw, List<String> segments, String path, boolean plain) {
        boolean sentAsApi = raw.equals("/api") || raw.startsWith("/api/");
        boolean dotSegments = raw.contains("/.") || raw.contains("%2e") || raw.contains("%2E");
        if (segments.stream().map(s -> s.toLowerCase(Locale.ROOT))
                .anyMatch(s -> s.equals("actuator") || s.equals("_gateway"))) {
            return new RequestClass(Kind.INTERNAL, path, plain, "", false);
        }
        // content-service's change feed is for the services that read it directly (it names removed paths)
        if (path.equalsIgnoreCase(CHANGE_FEED)) {
            return new RequestClass(Kind.INTERNAL, path, plain, "", false);
        }
        String first = segments.isEmpty() ? "" : segments.get(0).toLowerCase(Locale.ROOT);
        if (first.equals("api")) {
            return new RequestClass(Kind.API, path, plain, segments.size() > 1 ? segments.get(1) : "",
                    !sentAsApi || dotSegments);
        }
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1).toLowerCase(Locale.ROOT);
        int dot = last.lastIndexOf('.');
        boolean staticFile = dot > 0 && ASSET_EXTENSIONS.contains(last.substring(dot + 1));
        boolean rendered = RENDERED_FILES.contains(path.toLowerCase(Locale.ROOT)) || last.equals("feed.xml");
        if (!rendered && (ASSET_FOLDERS.contains(first) || last.startsWith("favicon.") || staticFile)) {
            return new RequestClass(Kind.ASSET, path, plain, "", sentAsApi);
        }
        return new RequestClass(Kind.PAGE, path, plain, "", sentAsApi);
    }

    /**
     * Decoded segments: escapes decoded, matrix parameters dropped, a decoded {@code /} splits a segment, empty and
     * {@code .} segments dropped, {@code ..} removes the one before.
     */
    static List<String> normalise(PathContainer path) {
        List<String> segments = new ArrayList<>();
        for (PathContainer.Element element : path.elements()) {
            if (!(element instanceof PathContainer.PathSegment segment)) {
                continue;
            }
            for (String part : segment.valueToMatch().split("/", -1)) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (!segments.isEmpty()) {
                        segments.remove(segments.size() - 1);
                    }
                    continue;
                }
                segments.add(part);
            }
        }
        return segments;
    }
}
