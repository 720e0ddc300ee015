package be.biodiversity.portal.render.config;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.view.reactive.ThymeleafReactiveView;
import org.thymeleaf.spring6.view.reactive.ThymeleafReactiveViewResolver;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.result.view.RedirectView;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.result.view.View;
import org.springframework.web.reactive.result.view.ViewResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Thymeleaf's views made once per name and locale, and asked for before Thymeleaf's own resolver makes another. */
class CachedViewsTests {

    private final AtomicInteger made = new AtomicInteger();

    private final ThymeleafReactiveViewResolver thymeleaf = new ThymeleafReactiveViewResolver() {
        @Override
        public Mono<View> resolveViewName(String viewName, Locale locale) {
            made.incrementAndGet();
            return Mono.just(viewName.startsWith("redirect:") ? new RedirectView(viewName.substring(9))
                    : new ThymeleafReactiveView());
        }
    };

    private final CachedViews views = new CachedViews(thymeleaf);

    @Test
    void aViewIsMadeOncePerNameAndLocale() {
        View page = views.resolveViewName("page", Locale.forLanguageTag("nl")).block();
        assertThat(views.resolveViewName("page", Locale.forLanguageTag("nl")).block()).isSameAs(page);
        assertThat(made).hasValue(1);
        assertThat(views.resolveViewName("page", Locale.forLanguageTag("fr")).block()).isNotSameAs(page);
        assertThat(views.resolveViewName("problem", Locale.forLanguageTag("nl")).block()).isNotSameAs(page);
        assertThat(made).hasValue(3);
    }

    @Test
    void aRedirectIsMadeEachTime() {
        views.resolveViewName("redirect:/nl", Locale.ENGLISH).block();
        views.resolveViewName("redirect:/nl", Locale.ENGLISH).block();
        assertThat(made).hasValue(2);
    }

    @Test
    void itTakesThePlaceOfThymeleafsResolverBean() {
        new ApplicationContextRunner().withUserConfiguration(CachedViews.Wrapping.class)
            .withBean("thymeleafViewResolver", ThymeleafReactiveViewResolver.class)
            .run(context -> {
                assertThat(context.getBeansOfType(ViewResolver.class)).hasSize(1)
                    .allSatisfy((name, resolver) -> assertThat(resolver).isInstanceOf(CachedViews.class));
                assertThat(context.getBeansOfType(ThymeleafReactiveViewResolver.class)).isEmpty();
            });
    }
}
