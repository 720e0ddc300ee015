package be.biodiversity.portal.content.web;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import be.biodiversity.portal.editor.EditorOnly;

/**
 * The reads of content-service that only editors may make, refused anonymously with the same 401 as a write (see
 * editor-security). Reads of one page answer a draft with 404 instead, in {@code page/PageController}.
 */
@Configuration(proxyBeanMethods = false)
class EditorReads {

    private static final Set<String> EDITOR_STATUSES = Set.of("draft", "any");

    /**
     * Listings of drafts (GET and HEAD alike): {@code status=draft} or {@code status=any} on the page and post listings (an unknown status
     * goes on to its 400 naming the parameter).
     */
    @Bean
    EditorOnly draftListings() {
        ServerWebExchangeMatcher listings = ServerWebExchangeMatchers.pathMatchers("/api/content/v1/pages",
                "/api/content/v1/posts");
        ServerWebExchangeMatcher notPublished = exchange -> {
            List<String> status = exchange.getRequest().getQueryParams().getOrDefault("status", List.of());
            return status.stream().anyMatch(EDITOR_STATUSES::contains) ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
        return new EditorOnly("listings with status=draft|any", new AndServerWebExchangeMatcher(listings, notPublished));
    }
}
