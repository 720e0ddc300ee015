package be.biodiversity.portal.gateway.edge;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class RequestClassTests {

    @ParameterizedTest
    @CsvSource({
            "/api/content/v1/pages,                API,      /api/content/v1/pages,    true,  false",
            "/api/directory/v1/imports,            API,      /api/directory/v1/imports, true, false",
            "/%61pi/content/v1/pages,              API,      /api/content/v1/pages,    false, true",
            "/api;x/content/v1/pages,              API,      /api/content/v1/pages,    false, true",
            "//api/content/v1/pages,               API,      /api/content/v1/pages,    false, true",
            "/api%2Fcontent/v1/pages,              API,      /api/content/v1/pages,    false, true",
            "/api/content/../../nl/community,      PAGE,     /nl/community,            false, true",
            "/nl/community,                        PAGE,     /nl/community,            true,  false",
            "/nl/community/,                       PAGE,     /nl/community,            false, false",
            "/nl/%63ommunity,                      PAGE,     /nl/community,            false, false",
            "/,                                    PAGE,     /,                        true,  false",
            "/publisher/search,                    PAGE,     /publisher/search,        true,  false",
            "/assets/portal/site.css,              ASSET,    /assets/portal/site.css,  true,  false",
            "/favicon.ico,                         ASSET,    /favicon.ico,             true,  false",
            "/css/x.css,                           ASSET,    /css/x.css,               true,  false",
            "/nl/actuator/health,                  INTERNAL, /nl/actuator/health,      true,  false",
            "/_GATEWAY/fallback/page,              INTERNAL, /_GATEWAY/fallback/page,  true,  false",
            "/x/%2e%2e/actuator,                   INTERNAL, /actuator,                false, false",
            "/api/content/v1/changes,              INTERNAL, /api/content/v1/changes,  true,  false",
            "/api/Content/v1/changes/,             INTERNAL, /api/Content/v1/changes,  false, false",
            "/api/content/v1/pages,                API,      /api/content/v1/pages,    true,  false" })
    void eachRequestIsClassifiedFromItsNormalisedPath(String sent, RequestClass.Kind kind, String path, boolean plain,
            boolean disguised) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://portal" + sent)).build());
        RequestClass request = RequestClass.of(exchange);
        assertThat(request.kind()).isEqualTo(kind);
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.plain()).isEqualTo(plain);
        assertThat(request.disguised()).isEqualTo(disguised);
        assertThat(exchange.<RequestClass>getAttribute(RequestClass.ATTRIBUTE)).isSameAs(request);
    }

    @ParameterizedTest
    @CsvSource({ "/publisher/search, true", "/nl/literature/search, true", "/nl/community, false",
            "/api/content/v1/search, false" })
    void searchPagesAreKnown(String sent, boolean search) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.method(HttpMethod.GET, URI.create("http://portal" + sent)).build());
        assertThat(RequestClass.of(exchange).isSearchPage()).isEqualTo(search);
    }
}
