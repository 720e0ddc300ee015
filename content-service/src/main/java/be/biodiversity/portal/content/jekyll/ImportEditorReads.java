package be.biodiversity.portal.content.jekyll;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import be.biodiversity.portal.editor.EditorOnly;

/** Import jobs are for editors only: their reports name the repository's files and problems. */
@Configuration(proxyBeanMethods = false)
class ImportEditorReads {

    @Bean
    EditorOnly importJobReads() {
        return new EditorOnly("import jobs", ServerWebExchangeMatchers.pathMatchers(
                ImportController.PATH + "/*", ImportController.PATH + "/*/"));
    }
}
