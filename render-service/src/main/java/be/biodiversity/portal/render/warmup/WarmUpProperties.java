package be.biodiversity.portal.render.warmup;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What render-service renders before it reports ready, and for how long it tries.
 *
 * @param enabled warm up at all (tests of other behaviour turn it off)
 * @param paths pages rendered besides the home page of each language (e.g. the page {@code run-local.sh} prints)
 * @param maxWait the longest the warm-up keeps trying (a provider down or cold); after it the service becomes ready
 * anyway and logs which page it could not render
 * @param retryInterval the wait before a page that failed (5xx, no answer) is asked for again
 */
@ConfigurationProperties("portal.warm-up")
record WarmUpProperties(@DefaultValue("true") boolean enabled, @DefaultValue("/nl/community") List<String> paths,
        @DefaultValue("60s") Duration maxWait, @DefaultValue("1s") Duration retryInterval) {

    WarmUpProperties {
        paths.stream().filter((path) -> !path.startsWith("/")).findFirst().ifPresent((path) -> {
            throw new IllegalArgumentException("portal.warm-up.paths: '" + path + "' is not a path (must start with /)");
        });
    }
}
