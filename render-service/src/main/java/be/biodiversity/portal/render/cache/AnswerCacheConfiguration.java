package be.biodiversity.portal.render.cache;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AnswerCacheConfiguration {

    @Bean
    AnswerCache answerCache(ContentRevision revision, PageCacheProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return properties.answers() ? new AnswerCache(revision, properties, meters) : AnswerCache.NONE;
    }
}
