package be.biodiversity.portal.testsupport;

import java.nio.charset.StandardCharsets;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Test only: renames a JSON field in every response, as a careless provider change would. Active only with
 * {@code contract-guard.rename=<from>:<to>}, which a provider's {@code ContractGuardTests} sets to prove the contract
 * verification catches it.
 */
public class FieldRenamingFilter implements WebFilter {

    private final String from;
    private final String to;

    public FieldRenamingFilter(String rename) {
        this.from = "\"" + rename.substring(0, rename.indexOf(':')) + "\"";
        this.to = "\"" + rename.substring(rename.indexOf(':') + 1) + "\"";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return DataBufferUtils.join(Flux.from(body)).flatMap(buffer -> {
                    String json = buffer.toString(StandardCharsets.UTF_8).replace(from, to);
                    DataBufferUtils.release(buffer);
                    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                    getHeaders().setContentLength(bytes.length);
                    return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
                });
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("contract-guard.rename")
    public static class Configuration {

        @Bean
        FieldRenamingFilter fieldRenamingFilter(org.springframework.core.env.Environment env) {
            return new FieldRenamingFilter(env.getRequiredProperty("contract-guard.rename"));
        }
    }
}
