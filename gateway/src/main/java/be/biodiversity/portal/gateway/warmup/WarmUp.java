package be.biodiversity.portal.gateway.warmup;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import be.biodiversity.portal.warmup.WarmUpRun;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Before the gateway reports ready, waits for render-service to report ready and then asks its own public port for
 * the first pages visitors open ({@code portal.warm-up.paths}), so that the first visitor does not pay for the
 * gateway's cold path (routes, filters, the connection pool to render-service, the page cache) — about a quarter of
 * a second per page on a just-started JVM — and finds those pages in the page cache.
 * <p>
 * Boot runs {@link ApplicationRunner}s after the web server has started and before the readiness state becomes
 * {@code ACCEPTING_TRAFFIC}: while this waits, the management port's readiness probe answers 503. render-service's
 * readiness is asked on its own address (a few requests, not counted by the public port's rate limits); a page that
 * answers 5xx is asked again every {@code retry-interval}. After {@code max-wait} the gateway becomes ready anyway
 * and logs why: a service that is down must not keep the gateway from serving its cached pages and fallbacks.
 */
@Component
class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final WebClient.Builder web;

    private final Environment environment;

    private final WarmUpProperties properties;

    private final URI renderReadiness;

    WarmUp(WebClient.Builder web, Environment environment, WarmUpProperties properties,
            @Value("${portal.render.url}") String renderUrl) {
        this.web = web;
        this.environment = environment;
        this.properties = properties;
        this.renderReadiness = URI.create(renderUrl.replaceAll("/+$", "") + "/actuator/health/readiness");
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer port = this.environment.getProperty("local.server.port", Integer.class);
        if (!this.properties.enabled() || port == null) {
            return;
        }
        log.info("Warming up before reporting ready: asking for {} once render-service is ready (at most {})",
                this.properties.paths(), this.properties.maxWait());
        String origin = "http://127.0.0.1:" + port;
        new WarmUpRun(this.web.build(), this.properties.maxWait(), this.properties.retryInterval(), log)
            .run(Flux.concat(Flux.just(new WarmUpRun.Step("render-service's readiness", this.renderReadiness)),
                    Flux.fromIterable(this.properties.paths())
                        .map((path) -> new WarmUpRun.Step(path, URI.create(origin + path)))));
    }

}
