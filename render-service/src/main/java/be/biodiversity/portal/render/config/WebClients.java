package be.biodiversity.portal.render.config;

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

    public static WebClient create(PortalProperties.Provider provider) {
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(provider.connectTimeout().toMillis()))
            .responseTimeout(provider.responseTimeout());
        return WebClient.builder()
            .baseUrl(provider.url().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .build();
    }

}
