package be.biodiversity.portal.render.config;

import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.thymeleaf.spring6.view.reactive.ThymeleafReactiveView;
import org.thymeleaf.spring6.view.reactive.ThymeleafReactiveViewResolver;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.result.view.View;
import org.springframework.web.reactive.result.view.ViewResolver;

/**
 * Thymeleaf's views, each made once per name and locale. Thymeleaf's reactive resolver makes a new view bean for every
 * page it renders (bean-factory lookups, autowiring, every bean post-processor: 3 % of an uncached render of
 * {@code /nl/community}); a view holds nothing of one request once made, which is what Spring MVC's caching view
 * resolvers rely on for the same views. It takes the place of Spring Boot's Thymeleaf resolver bean
 * ({@link Wrapping}: WebFlux asks every view resolver for every page, so one in front would not spare
 * the work); anything not a Thymeleaf view (a redirect) is made again each time.
 */
final class CachedViews implements ViewResolver, Ordered {

    private final ThymeleafReactiveViewResolver thymeleaf;

    private final Cache<Key, View> views = Caffeine.newBuilder().maximumSize(500).build();

    private record Key(String name, Locale locale) {
    }

    CachedViews(ThymeleafReactiveViewResolver thymeleaf) {
        this.thymeleaf = thymeleaf;
    }

    /** Wraps Spring Boot's Thymeleaf resolver, configured as Boot configures it, once it is initialised. */
    @Configuration(proxyBeanMethods = false)
    static class Wrapping {

        @Bean
        static BeanPostProcessor cachedThymeleafViews() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof ThymeleafReactiveViewResolver thymeleaf ? new CachedViews(thymeleaf) : bean;
                }
            };
        }
    }

    @Override
    public Mono<View> resolveViewName(String viewName, Locale locale) {
        Key key = new Key(viewName, locale);
        View kept = views.getIfPresent(key);
        if (kept != null) {
            return Mono.just(kept);
        }
        return thymeleaf.resolveViewName(viewName, locale).doOnNext(view -> {
            if (view instanceof ThymeleafReactiveView) {
                views.put(key, view);
            }
        });
    }

    @Override
    public int getOrder() {
        return thymeleaf.getOrder();
    }
}
