package be.biodiversity.portal.gateway;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's own error answers as RFC 9457 {@code application/problem+json}, with a {@code field}
 * property naming what was wrong when one thing was ({@code null} leaves it out).
 */
public final class Problems {

    private Problems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, String field) {
        return write(exchange, status, detail, field, exchange.getRequest().getPath().value());
    }

    /** As {@link #write(ServerWebExchange, HttpStatus, String, String)}, naming {@code instance} as the request. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, String field,
            String instance) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json(status, detail, field, instance).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(body.length);
        return UnreadBody.answer(exchange, response.writeWith(Mono.just(response.bufferFactory().wrap(body))));
    }

    public static String json(HttpStatus status, String detail, String field, String instance) {
        StringBuilder json = new StringBuilder(160).append("{\"type\":\"about:blank\",\"title\":");
        quote(json, status.getReasonPhrase()).append(",\"status\":").append(status.value());
        if (detail != null) {
            quote(json.append(",\"detail\":"), detail);
        }
        if (field != null) {
            quote(json.append(",\"field\":"), field);
        }
        quote(json.append(",\"instance\":"), instance);
        return json.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
