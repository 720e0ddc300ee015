package be.biodiversity.portal.directory.gbif;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.web.reactive.function.client.WebClient;

/** A {@link GbifClient} for tests of other packages. */
public final class GbifTestClients {

    private GbifTestClients() {
    }

    public static GbifClient client(GbifProperties properties) {
        return new GbifClient(WebClient.builder(), properties, Ticker.systemTicker());
    }
}
