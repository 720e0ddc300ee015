package be.biodiversity.portal.render.warmup;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import be.biodiversity.portal.render.config.PortalProperties;
import be.biodiversity.portal.warmup.WarmUpRun;
import be.biodiversity.portal.render.site.SiteLanguages;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Once content-service reports ready (its start-up import stored), renders the first pages visitors ask for — the
 * home page of each language and {@code portal.warm-up.paths} — through this service's own HTTP port before it
 * reports ready, so that the templates are compiled, the connections
 * to content-service and directory-service are open, the code paths are warm and the page cache holds them.
 * <p>
 * Spring Boot runs {@link ApplicationRunner}s after the web server has started and before it sets the readiness state
 * to {@code ACCEPTING_TRAFFIC}: while {@link #run} waits (on the main thread, never an event loop), {@code /actuator/health}
 * and {@code /actuator/health/readiness} answer 503 {@code OUT_OF_SERVICE}. A page that fails (5xx, no answer) is
 * asked for again every {@code retry-interval}; after {@code max-wait} the service becomes ready anyway and logs why: a
 * provider that is down must not keep this service from serving what it can.
 */
@Component
class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final WebClient.Builder web;

    private final Environment environment;

    private final WarmUpProperties properties;

    private final SiteLanguages languages;

    private final PortalProperties portal;

    WarmUp(WebClient.Builder web, Environment environment, WarmUpProperties properties, SiteLanguages languages,
            PortalProperties portal) {
        this.web = web;
        this.portal = portal;
        this.environment = environment;
        this.properties = properties;
        this.languages = languages;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer port = this.environment.getProperty("local.server.port", Integer.class);
        if (!this.properties.enabled() || port == null) {
            return;
        }
        log.info("Warming up before reporting ready: rendering {} (at most {})", paths(), this.properties.maxWait());
        String origin = "http://127.0.0.1:" + port;
        URI contentReadiness = URI.create(this.portal.content().url().toString().replaceAll("/+$", "")
                + "/actuator/health/readiness");
        // content-service first: until its start-up import is stored it serves the site as it was, and pages
        // rendered from that would be dropped (and rendered again, by a visitor) as soon as the import lands.
        // Then the home page: rendering it reads the site, whose languages name the other home pages.
        new WarmUpRun(this.web.build(), this.properties.maxWait(), this.properties.retryInterval(), log)
            .run(Flux.concat(Flux.just(new WarmUpRun.Step("content-service's readiness", contentReadiness),
                    new WarmUpRun.Step("/", URI.create(origin + "/"))),
                    Flux.defer(() -> Flux.fromIterable(paths()))
                        .filter((path) -> !path.equals("/"))
                        .map((path) -> new WarmUpRun.Step(path, URI.create(origin + path)))));
    }

    List<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        paths.add("/");
        this.languages.all().forEach((language) -> paths.add(this.languages.home(language)));
        paths.addAll(this.properties.paths());
        return List.copyOf(paths);
    }

}
