package be.biodiversity.portal.render.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import be.biodiversity.portal.render.cache.AnswerCache;
import be.biodiversity.portal.render.config.PortalProperties;
import be.biodiversity.portal.render.config.ProviderClients;

/** The one client for directory-service. */
@Configuration(proxyBeanMethods = false)
class DirectoryClients {

    @Bean
    DirectoryClient directoryClient(WebClient.Builder boot, PortalProperties properties, AnswerCache answers) {
        return new DirectoryClient(ProviderClients.create(boot, properties.directory()), answers);
    }
}
