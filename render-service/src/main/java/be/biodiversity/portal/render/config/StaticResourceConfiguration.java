package be.biodiversity.portal.render.config;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Serves the service's own stylesheet under {@code /assets/portal/**}. The mapping is consulted
 * before the catch-all page controller, which would otherwise ask content-service for it. Spring
 * Boot's default static mappings are switched off ({@code spring.web.resources.add-mappings}).
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceConfiguration implements WebFluxConfigurer {

    static final String PATTERN = "/assets/portal/**";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // after look/ThemeStylesheet's /assets/portal/theme.css, before the catch-all page controller
        registry.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registry.addResourceHandler(PATTERN)
            .addResourceLocations("classpath:/static/assets/portal/")
            .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }

}
