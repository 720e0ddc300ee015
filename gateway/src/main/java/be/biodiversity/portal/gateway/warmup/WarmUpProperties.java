package be.biodiversity.portal.gateway.warmup;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the gateway asks itself for before it reports ready, and for how long it tries.
 *
 * @param enabled warm up at all (tests of other behaviour turn it off)
 * @param paths the pages asked for through the public port once render-service is ready (those a visitor opens
 * first: the home page, the page {@code run-local.sh} prints)
 * @param maxWait the longest the warm-up keeps trying; after it the gateway becomes ready anyway and logs why
 * @param retryInterval the wait before render-service's readiness, or a page that failed, is asked for again
 */
@ConfigurationProperties("portal.warm-up")
record WarmUpProperties(@DefaultValue("true") boolean enabled, @DefaultValue({ "/", "/nl/community" }) List<String> paths,
        @DefaultValue("60s") Duration maxWait, @DefaultValue("1s") Duration retryInterval) {

    WarmUpProperties {
        paths.stream().filter((path) -> !path.startsWith("/")).findFirst().ifPresent((path) -> {
            throw new IllegalArgumentException("portal.warm-up.paths: '" + path + "' is not a path (must start with /)");
        });
    }
}
