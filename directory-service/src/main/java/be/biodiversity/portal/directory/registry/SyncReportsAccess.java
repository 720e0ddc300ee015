package be.biodiversity.portal.directory.registry;

import be.biodiversity.portal.editor.EditorOnly;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/** The sync reports are for editors: they name the sources asked and what failed (see editor-security). */
@Configuration(proxyBeanMethods = false)
class SyncReportsAccess {

    @Bean
    EditorOnly registrySyncReports() {
        return new EditorOnly("GBIF registry sync reports", ServerWebExchangeMatchers.pathMatchers(SyncController.PATH));
    }
}
