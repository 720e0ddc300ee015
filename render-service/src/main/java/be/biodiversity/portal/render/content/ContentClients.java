package be.biodiversity.portal.render.content;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import be.biodiversity.portal.render.cache.AnswerCache;
import be.biodiversity.portal.render.config.PortalProperties;
import be.biodiversity.portal.render.config.ProviderClients;

/** One client for content-service, shared by the page, literature and change-feed readers. */
@Configuration(proxyBeanMethods = false)
class ContentClients {

    @Bean
    ContentHttp contentHttp(WebClient.Builder boot, PortalProperties properties) {
        return new ContentHttp(ProviderClients.create(boot, properties.content()));
    }

    @Bean
    ContentClient contentClient(ContentHttp http, AnswerCache answers) {
        return new ContentClient(http.web(), answers);
    }

    @Bean
    LiteratureClient literatureClient(ContentHttp http, AnswerCache answers) {
        return new LiteratureClient(http.web(), answers);
    }

    @Bean
    SiteFiles siteFiles(ContentHttp http, AnswerCache answers) {
        return new SiteFiles(http.web(), answers);
    }

    @Bean
    SiteSearchClient siteSearchClient(ContentHttp http) {
        return new SiteSearchClient(http.web());
    }

    /** content-service's client, as a type of its own so that no other provider's client can be injected instead. */
    record ContentHttp(WebClient web) {
    }
}
