package be.biodiversity.portal.content.literature;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import be.biodiversity.portal.editor.EditorOnly;

/** The literature reads only editors may make: the sync reports (they name GBIF's failures and the site's queries). */
@Configuration(proxyBeanMethods = false)
class LiteratureEditorReads {

    @Bean
    EditorOnly literatureSyncReports() {
        return new EditorOnly("literature sync reports",
                ServerWebExchangeMatchers.pathMatchers("/api/content/v1/literature/sync/reports",
                        "/api/content/v1/literature/sync/reports/"));
    }
}
