package be.biodiversity.portal.system.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's page-cache figures as Prometheus reads them from its management port (gateway README, "Metrics"):
 * {@code portal_gateway_cache_requests_total{result=hit|wait|miss|pass|stale}} and
 * {@code portal_gateway_cache_entries}. The suite sends one request at a time, so a difference between two reads
 * is what the requests in between did.
 */
final class GatewayMetrics {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI prometheus;

    GatewayMetrics(URI prometheus) {
        this.prometheus = prometheus;
    }

    /** Page requests the cache answered with {@code result} so far. */
    double requests(String result) throws Exception {
        return sum(scrape(), "portal_gateway_cache_requests_total", "result=\"" + result + "\"");
    }

    /** Pages the cache holds now. */
    double entries() throws Exception {
        return sum(scrape(), "portal_gateway_cache_entries", "");
    }

    String scrape() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET %s", prometheus).isEqualTo(200);
        return answer.body();
    }

    /** The sum of the series {@code name} whose labels contain {@code label}; fails if there is none. */
    static double sum(String scrape, String name, String label) {
        Matcher series = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)").matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (series.find()) {
            String labels = series.group(1) == null ? "" : series.group(1);
            if (labels.contains(label)) {
                sum += Double.parseDouble(series.group(2));
                found = true;
            }
        }
        assertThat(found).as("a series %s{%s} in the gateway's metrics", name, label).isTrue();
        return sum;
    }
}
