package be.biodiversity.portal.render.site;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Takes the locale from the URL ({@code /fr/...} is French), not from Accept-Language: a page's
 * language is part of its address. Thymeleaf reads its messages ({@code #{...}}) in this locale.
 * The bean name replaces Spring Boot's default resolver.
 */
@Component("localeContextResolver")
class PathLocaleContextResolver implements LocaleContextResolver {

    private final SiteLanguages languages;

    PathLocaleContextResolver(SiteLanguages languages) {
        this.languages = languages;
    }

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return new SimpleLocaleContext(Locale.forLanguageTag(this.languages.ofRequest(path).language()));
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("The language of a page is chosen by its URL");
    }

}
