package be.biodiversity.portal.render.config;

import be.biodiversity.portal.render.cache.AnswerCache;
import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.content.LiteratureClient;
import be.biodiversity.portal.render.directory.DirectoryClient;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    @Bean
    ContentClient contentClient(PortalProperties properties, ObjectProvider<ObservationRegistry> observations,
            AnswerCache answers) {
        return new ContentClient(WebClients.create(properties.content(), registry(observations)), answers);
    }

    @Bean
    LiteratureClient literatureClient(PortalProperties properties,
            ObjectProvider<ObservationRegistry> observations, AnswerCache answers) {
        return new LiteratureClient(WebClients.create(properties.content(), registry(observations)), answers);
    }

    @Bean
    DirectoryClient directoryClient(PortalProperties properties,
            ObjectProvider<ObservationRegistry> observations, AnswerCache answers) {
        return new DirectoryClient(WebClients.create(properties.directory(), registry(observations)), answers);
    }


    private static ObservationRegistry registry(ObjectProvider<ObservationRegistry> observations) {
        return observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

}
