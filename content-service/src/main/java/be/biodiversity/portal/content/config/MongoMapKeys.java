package be.biodiversity.portal.content.config;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/**
 * Maps whose keys come from outside — a page's front matter (any Jekyll YAML key), a publication's identifiers —
 * may have keys with a dot ({@code og.image}), which MongoDB cannot take as a field name and Spring Data refuses
 * (a 500, and a half-done literature import). Such a dot is stored as {@value #STORED_DOT} and read back as a dot.
 */
@Configuration(proxyBeanMethods = false)
class MongoMapKeys {

    static final String STORED_DOT = "\uFF0E";

    @Bean
    static BeanPostProcessor dotsInMapKeys() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof MappingMongoConverter converter) {
                    converter.setMapKeyDotReplacement(STORED_DOT);
                }
                return bean;
            }
        };
    }
}
