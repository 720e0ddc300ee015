package be.biodiversity.portal.directory.editor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import be.biodiversity.portal.editor.EditorOnly;

/**
 * The reads of directory-service that only editors may make, refused anonymously with the same 401 as a write (see
 * editor-security). What a person shows anonymously is decided in {@code people/PersonController}.
 */
@Configuration(proxyBeanMethods = false)
class EditorReads {

    /**
     * People by the organisation they work for: anonymously a person's organisation is not shown, so it cannot be
     * asked for either.
     */
    @Bean
    EditorOnly peopleByOrganisation() {
        ServerWebExchangeMatcher people = ServerWebExchangeMatchers.pathMatchers("/api/directory/v1/people");
        ServerWebExchangeMatcher byOrganisation = exchange -> exchange.getRequest().getQueryParams()
                .containsKey("organisation") ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch();
        return new EditorOnly("people by organisation", new AndServerWebExchangeMatcher(people, byOrganisation));
    }
}
