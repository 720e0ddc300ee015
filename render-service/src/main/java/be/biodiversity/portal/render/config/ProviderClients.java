package be.biodiversity.portal.render.config;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The one {@link WebClient} of a provider, made from Spring Boot's {@code WebClient.Builder} (so Boot's codecs and
 * observation — trace context, {@code http.client.requests} — come with it), with the provider's base URL, its
 * timeouts and the largest answer we read from it. The buffer limit is set here on purpose: the codecs' default of
 * 256 KB made every page or listing above it a 503.
 */
public final class ProviderClients {

    private ProviderClients() {
    }

    public static WebClient create(WebClient.Builder boot, PortalProperties.Provider provider) {
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(provider.connectTimeout().toMillis()))
            .responseTimeout(provider.responseTimeout());
        return boot.clone()
            .baseUrl(provider.url().toString())
            .clientConnector(new ReactorClientHttpConnector(http))
            .codecs((codecs) -> codecs.defaultCodecs()
                .maxInMemorySize(Math.toIntExact(Math.min(Integer.MAX_VALUE, provider.maxAnswerSize().toBytes()))))
            .build();
    }
}
