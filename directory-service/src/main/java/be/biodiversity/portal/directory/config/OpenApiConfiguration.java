package be.biodiversity.portal.directory.config;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document springdoc serves at {@code /api/directory/v1/openapi} (the old {@code /v3/api-docs}
 * redirects there). Its one server is {@code /}: the document is read through the gateway, so the address this
 * service listens on stays unnamed.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PATH = "/api/directory/v1/openapi";

    @Bean
    OpenAPI directoryOpenApi() {
        return new OpenAPI().servers(List.of(new Server().url("/")))
                .info(new Info().title("GBIF.be directory-service API").version("v1")
                        .description("Organisations (publishers, Belgian BIF members, partners) and people of the "
                                + "GBIF.be portal. Reads are public; writes need 'Authorization: Bearer <editor "
                                + "token>'. Every error is application/problem+json with a 'field' property naming "
                                + "the parameter or field at fault."));
    }
}
