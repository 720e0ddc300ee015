package be.biodiversity.portal.directory.registry;

import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Reads the organisation list of the GBIF registry page by page until {@code endOfRecords}. Each page has a
 * timeout and is retried with backoff after a network error, a timeout, a 429 or a 5xx; other answers fail at once.
 */
@Component
class RegistryClient {

    private static final int MAX_PAGE_BYTES = 32 * 1024 * 1024;

    private final RegistryProperties properties;
    private final WebClient http;

    RegistryClient(RegistryProperties properties) {
        this.properties = properties;
        HttpClient netty = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout());
        this.http = WebClient.builder()
                .baseUrl(properties.baseUrl().toString())
                .clientConnector(new ReactorClientHttpConnector(netty))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_PAGE_BYTES))
                .build();
    }

    /** Every organisation of the registry list, one page after the other. */
    Flux<RegistryOrganisation> organisations() {
        return page(0)
                .expand(page -> page.last() || page.organisations().isEmpty() ? Mono.empty()
                        : page(offsetOf(page) + page.organisations().size()))
                .concatMapIterable(RegistryPage::organisations);
    }

    String location() {
        return properties.baseUrl() + "/organization";
    }

    private static long offsetOf(RegistryPage page) {
        return page.offset() == null ? 0 : page.offset();
    }

    private Mono<RegistryPage> page(long offset) {
        return http.get()
                .uri(uri -> {
                    uri.path("/organization");
                    properties.query().forEach(uri::queryParam);
                    return uri.queryParam("offset", offset).queryParam("limit", properties.pageSize()).build();
                })
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(RegistryPage.class)
                .timeout(properties.responseTimeout())
                .map(page -> page.offset() == null ? new RegistryPage(offset, page.limit(), page.endOfRecords(),
                        page.count(), page.results()) : page)
                .retryWhen(Retry.backoff(properties.retries(), properties.retryBackoff())
                        .filter(RegistryClient::worthRetrying)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private static boolean worthRetrying(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError() || response.getStatusCode().value() == 429;
        }
        return error instanceof WebClientRequestException || error instanceof TimeoutException;
    }
}
