package be.biodiversity.portal.editor;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Editor authentication for a data service, with Spring Security WebFlux: reads ({@code GET}, {@code HEAD},
 * {@code OPTIONS}) are public, everything else needs an editor's bearer token, and so do the reads a service
 * declares as {@link EditorOnly}. Stateless (no session, no saved request), no CSRF (a bearer token is never sent by
 * a browser on its own), no login page, no Basic, no generated user password. A token that is no editor's is a 401
 * on any request. Response headers (cache, frame, HSTS) are left to the service and the gateway, as before.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ServerHttpSecurity.class)
@EnableConfigurationProperties(EditorProperties.class)
@EnableWebFluxSecurity
public class EditorSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EditorSecurityAutoConfiguration.class);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Bean
    @ConditionalOnMissingBean
    EditorTokens editorTokens(EditorProperties properties) {
        EditorTokens tokens = new EditorTokens(properties);
        if (tokens.any()) {
            log.info("Editors who may write: {}", properties.editors().keySet());
        }
        else {
            log.warn("No editor token is configured (portal.editor.token / PORTAL_EDITOR_TOKEN): every write is refused");
        }
        return tokens;
    }

    @Bean
    @ConditionalOnMissingBean
    EditorRefusals editorRefusals(EditorTokens tokens, ServerCodecConfigurer codecs) {
        return new EditorRefusals(tokens.any(), codecs);
    }

    /** The firewall's refusals as problem+json like every other error (its own answer is an empty 400). */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler editorSecurityRejectedHandler(EditorRefusals refusals) {
        return (exchange, ex) -> refusals.rejected(exchange);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain editorSecurityFilterChain(ServerHttpSecurity http, EditorTokens tokens,
            EditorRefusals refusals, ObjectProvider<EditorOnly> editorOnly) {
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(tokens);
        bearer.setServerAuthenticationConverter(new BearerTokenConverter());
        bearer.setAuthenticationFailureHandler(refusals);
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .addFilterAt(EditorSecurityAutoConfiguration::varyByAuthorization, SecurityWebFiltersOrder.FIRST)
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> {
                    editorOnly.orderedStream().forEach(only -> exchanges.matchers(only.matcher()).authenticated());
                    exchanges.matchers(EditorSecurityAutoConfiguration::read).permitAll();
                    exchanges.anyExchange().authenticated();
                })
                .build();
    }

    /** A read may answer an editor more than anyone else (drafts, e-mail addresses): no cache may mix the two. */
    private static Mono<Void> varyByAuthorization(ServerWebExchange exchange, WebFilterChain chain) {
        if (READS.contains(exchange.getRequest().getMethod())) {
            exchange.getResponse().getHeaders().add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        }
        return chain.filter(exchange);
    }

    /** By method alone, whatever the path and however it is spelled. */
    private static Mono<ServerWebExchangeMatcher.MatchResult> read(ServerWebExchange exchange) {
        return READS.contains(exchange.getRequest().getMethod()) ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
