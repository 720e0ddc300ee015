package be.biodiversity.portal.render.config;

import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A {@link WebClient} for one provider, with that provider's timeouts.
 */
public final class WebClients {

    private WebClients() {
    }

    /** A client whose requests are observed: they carry the trace context and are timed. */
    public static WebClient create(PortalProperties.Provider provider, ObservationRegistry observations) {
        return builder(provider).observationRegistry(observations).build();
    }

    /** A client that is not observed (background polling, tests). */
    public static WebClient create(PortalProperties.Provider provider) {
        return builder(provider).build();
    }

    private static WebClient.Builder builder(PortalProperties.Provider provider) {
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(provider.connectTimeout().toMillis()))
            .responseTimeout(provider.responseTimeout());
        return WebClient.builder()
            .baseUrl(provider.url().toString())
            .clientConnector(new ReactorClientHttpConnector(http));
    }

}
