package be.biodiversity.portal.render.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AnswerCacheConfiguration {

    @Bean
    AnswerCache answerCache(SiteRevision revision, PageCacheProperties properties, Ticker ticker,
            ObjectProvider<MeterRegistry> meters) {
        return properties.answers() ? new AnswerCache(revision, properties, ticker, meters) : AnswerCache.NONE;
    }
}
