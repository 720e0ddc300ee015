package be.biodiversity.portal.render.content;

import java.net.URI;
import java.time.Duration;

import au.com.dius.pact.consumer.MockServer;
import be.biodiversity.portal.render.config.PortalProperties;
import be.biodiversity.portal.render.config.ProviderClients;

import org.springframework.web.reactive.function.client.WebClient;

/** The service's own client set-up, pointed at a Pact mock provider. */
public final class PactClients {

    private PactClients() {
    }

    public static WebClient webClient(MockServer server) {
        return ProviderClients.create(WebClient.builder(),
                new PortalProperties.Provider(URI.create(server.getUrl()), Duration.ofSeconds(2), Duration.ofSeconds(5),
                        null));
    }

}
