package be.biodiversity.portal.render;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ITemplateStart;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the HTML templates Thymeleaf renders (a dialect Spring Boot adds to its template engine): a test that a page
 * came from a kept copy checks that this count did not move, rather than how fast the answer was.
 */
public final class TemplateRenders extends AbstractDialect implements IPostProcessorDialect {

    private static final AtomicLong renders = new AtomicLong();

    TemplateRenders() {
        super("template-renders");
    }

    /** Templates rendered so far by any Spring context of this JVM (compare before and after). */
    public long count() {
        return renders.get();
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(new PostProcessor(TemplateMode.HTML, Counting.class, Integer.MAX_VALUE));
    }

    /** Sees every template Thymeleaf processes, once at its start. */
    public static final class Counting extends AbstractTemplateHandler {

        @Override
        public void handleTemplateStart(ITemplateStart templateStart) {
            renders.incrementAndGet();
            super.handleTemplateStart(templateStart);
        }
    }

    /** Import into a Spring Boot test to count its renders. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        TemplateRenders templateRenders() {
            return new TemplateRenders();
        }
    }
}
