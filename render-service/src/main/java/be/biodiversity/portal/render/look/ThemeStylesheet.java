package be.biodiversity.portal.render.look;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

import be.biodiversity.portal.render.content.ContentClient;
import be.biodiversity.portal.render.site.SiteLanguages;

/**
 * {@code /assets/portal/theme.css}: the site's colours as CSS custom properties, read by {@code site.css}. A
 * stylesheet of its own because the portal's Content-Security-Policy allows no inline styles; under
 * {@code /assets/portal/} with the service's other files (the gateway sends those to render-service, every other
 * {@code /assets/…} to the site's files). Mapped ahead of the static files of that folder.
 */
@Configuration(proxyBeanMethods = false)
class ThemeStylesheet {

    static final String PATH = "/assets/portal/theme.css";

    @Bean
    SimpleUrlHandlerMapping themeStylesheetMapping(ContentClient content, SiteLanguages languages) {
        return new SimpleUrlHandlerMapping(Map.of(PATH, new Stylesheet(content, languages)), Ordered.HIGHEST_PRECEDENCE);
    }

    static String css(SiteLook look) {
        return ":root {\n"
                + "    --primary: " + look.primary() + ";\n"
                + "    --on-primary: " + look.onPrimary() + ";\n"
                + "    --link: " + look.linkText() + ";\n"
                + "}\n";
    }

    private record Stylesheet(ContentClient content, SiteLanguages languages) implements WebHandler {

        @Override
        public Mono<Void> handle(ServerWebExchange exchange) {
            var response = exchange.getResponse();
            HttpMethod method = exchange.getRequest().getMethod();
            if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
                response.setStatusCode(HttpStatus.METHOD_NOT_ALLOWED);
                return response.setComplete();
            }
            return SiteLookAdvice.current(content, languages).flatMap(look -> {
                byte[] body = css(look).getBytes(StandardCharsets.UTF_8);
                response.setStatusCode(HttpStatus.OK);
                response.getHeaders().setContentType(new MediaType("text", "css", StandardCharsets.UTF_8));
                response.getHeaders().setCacheControl(CacheControl.noCache());
                response.getHeaders().setContentLength(body.length);
                return method == HttpMethod.HEAD ? response.setComplete()
                        : response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
            });
        }
    }
}
