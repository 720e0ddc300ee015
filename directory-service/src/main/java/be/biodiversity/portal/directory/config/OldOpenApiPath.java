package be.biodiversity.portal.directory.config;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v3/api-docs}, where the OpenAPI document was until it moved beside the API: a permanent redirect. */
@Hidden
@RestController
class OldOpenApiPath {

    @GetMapping("/v3/api-docs")
    Mono<ResponseEntity<Void>> moved() {
        return Mono.just(ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(URI.create(OpenApiConfiguration.PATH)).build());
    }
}
