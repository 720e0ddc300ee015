package be.biodiversity.portal.render.config;

import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.LiteratureClient;
import be.biodiversity.portal.render.directory.DirectoryClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    @Bean
    ContentClient contentClient(PortalProperties properties) {
        return new ContentClient(WebClients.create(properties.content()));
    }

    @Bean
    LiteratureClient literatureClient(PortalProperties properties) {
        return new LiteratureClient(WebClients.create(properties.content()));
    }

    @Bean
    DirectoryClient directoryClient(PortalProperties properties) {
        return new DirectoryClient(WebClients.create(properties.directory()));
    }

}
