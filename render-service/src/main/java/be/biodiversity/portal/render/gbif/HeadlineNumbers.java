package be.biodiversity.portal.render.gbif;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * The headline figures a hosted portal's stats block asks GBIF for: each feature's title names the GBIF API query
 * whose count it shows ({@code <span data-ajax-url="https://api.gbif.org/v1/occurrence/search?country=BE&limit=0">},
 * as GBIF.be's {@code _data/examples.yml} does; the theme fills it in the browser). Here the query is asked on the
 * server through {@link GbifClient} (so cached, and the last good count kept with its time), and only queries of
 * GBIF's public API to a known search are asked: anything else in site data is no figure.
 */
@Component
public class HeadlineNumbers {

    private static final Pattern AJAX_URL = Pattern.compile("data-ajax-url\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final String PUBLIC_API = "https://api.gbif.org/v1";
    private static final Set<String> SEARCHES = Set.of("/occurrence/search", "/occurrence/count", "/dataset/search",
            "/dataset", "/organization", "/literature/search", "/grscicoll/collection", "/grscicoll/institution",
            "/installation", "/network");

    private final GbifClient gbif;

    HeadlineNumbers(GbifClient gbif) {
        this.gbif = gbif;
    }

    /**
     * The count of the GBIF query named in a feature's title; empty when the title names none (not a figure from
     * GBIF); a {@link Figure} with no count when GBIF cannot be reached and no count is kept.
     */
    public Optional<Mono<Figure>> figure(String title) {
        Optional<Query> query = query(title);
        return query.map(q -> gbif.get(q.path(), q.parameters(), JsonNode.class)
                .map(answer -> new Figure(count(answer.value()), answer))
                .defaultIfEmpty(new Figure(null, null))
                .onErrorResume(error -> Mono.just(new Figure(null, null))));
    }

    /**
     * @param count  the figure, null when GBIF gave none
     * @param answer where it came from (its time, whether it is a kept one); null when there is no figure
     */
    public record Figure(Long count, GbifAnswer<?> answer) {
    }

    record Query(String path, List<Map.Entry<String, String>> parameters) {
    }

    static Optional<Query> query(String title) {
        if (title == null) {
            return Optional.empty();
        }
        Matcher found = AJAX_URL.matcher(title);
        if (!found.find()) {
            return Optional.empty();
        }
        String url = found.group(1).replace("&amp;", "&").strip();
        if (!url.startsWith(PUBLIC_API + "/")) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url);
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        String path = uri.getPath().substring("/v1".length());
        if (!SEARCHES.contains(path)) {
            return Optional.empty();
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                if (!name.equals("limit") && !name.equals("offset")) {
                    parameters.add(Map.entry(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
                }
            }
        }
        if (!path.equals("/occurrence/count")) {
            parameters.add(Map.entry("limit", "0"));
        }
        return Optional.of(new Query(path, List.copyOf(parameters)));
    }

    /** {@code /occurrence/count} answers a bare number, the searches {@code {"count": n, ...}}. */
    private static Long count(JsonNode answer) {
        if (answer == null) {
            return null;
        }
        if (answer.isNumber()) {
            return answer.asLong();
        }
        JsonNode count = answer.get("count");
        return count != null && count.isNumber() ? count.asLong() : null;
    }
}
