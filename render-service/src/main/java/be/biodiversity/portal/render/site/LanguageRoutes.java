package be.biodiversity.portal.render.site;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.reactive.result.condition.RequestCondition;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The portal's own pages in a language ({@code /{lang}/search}, {@code /{lang}/publisher/{key}}, …) answer only when
 * {@code {lang}} is one of the site's other languages. Any other first segment is left to the site's pages: a page the
 * site has at {@code /about/search} or {@code /projects/privacy} is served, not answered 404 as a search in the
 * language "about". The site's languages come from the imported site, so this is decided per request, not by a
 * pattern fixed at start-up.
 */
@Configuration(proxyBeanMethods = false)
class LanguageRoutes implements WebFluxRegistrations {

    static final String LANGUAGE_PREFIX = "/{lang}/";

    private final ObjectProvider<SiteLanguages> languages;

    LanguageRoutes(ObjectProvider<SiteLanguages> languages) {
        this.languages = languages;
    }

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {
            @Override
            protected RequestCondition<?> getCustomMethodCondition(Method method) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null || Arrays.stream(mapping.path()).noneMatch((p) -> p.startsWith(LANGUAGE_PREFIX))) {
                    return null;
                }
                PathPatternParser parser = PathPatternParser.defaultInstance;
                List<PathPattern> withoutLanguage = Arrays.stream(mapping.path())
                    .filter((p) -> !p.startsWith(LANGUAGE_PREFIX))
                    .map(parser::parse)
                    .toList();
                return new SiteLanguageCondition(withoutLanguage, LanguageRoutes.this.languages);
            }
        };
    }

    /** Matches a request that one of the handler's paths without a language takes, or whose first segment is one. */
    static final class SiteLanguageCondition implements RequestCondition<SiteLanguageCondition> {

        private final List<PathPattern> withoutLanguage;

        private final ObjectProvider<SiteLanguages> languages;

        SiteLanguageCondition(List<PathPattern> withoutLanguage, ObjectProvider<SiteLanguages> languages) {
            this.withoutLanguage = withoutLanguage;
            this.languages = languages;
        }

        @Override
        public SiteLanguageCondition combine(SiteLanguageCondition other) {
            return other;
        }

        @Override
        public SiteLanguageCondition getMatchingCondition(ServerWebExchange exchange) {
            PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
            if (this.withoutLanguage.stream().anyMatch((pattern) -> pattern.matches(path))) {
                return this;
            }
            List<PathContainer.Element> elements = path.elements();
            if (elements.size() < 2 || !(elements.get(1) instanceof PathContainer.PathSegment first)) {
                return null;
            }
            return this.languages.getObject().site().others().contains(first.valueToMatch()) ? this : null;
        }

        @Override
        public int compareTo(SiteLanguageCondition other, ServerWebExchange exchange) {
            return 0;
        }
    }
}
