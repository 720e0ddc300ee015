package be.biodiversity.portal.render;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The interface text serves any site: no message names one (the site's title is an argument, {0}). */
class MessagesTests {

    @Test
    void noMessageNamesASite() throws IOException {
        Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:messages*.properties");
        assertThat(bundles).hasSizeGreaterThan(3);
        for (Resource bundle : bundles) {
            Properties messages = new Properties();
            try (var reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
                messages.load(reader);
            }
            assertThat(messages).as(bundle.getFilename())
                .allSatisfy((key, text) -> assertThat((String) text).as("%s %s", bundle.getFilename(), key)
                    .doesNotContainIgnoringCase("GBIF.be").doesNotContainIgnoringCase("Belgian Biodiversity"));
        }
    }
}
