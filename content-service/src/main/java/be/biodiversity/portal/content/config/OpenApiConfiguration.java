package be.biodiversity.portal.content.config;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document springdoc serves at {@code /api/content/v1/openapi}. Its one server is {@code /}: the
 * document is read through the gateway, so the address this service listens on stays unnamed.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI contentOpenApi() {
        return new OpenAPI().servers(List.of(new Server().url("/")))
                .info(new Info().title("GBIF.be content-service API").version("v1")
                        .description("Pages, news posts, site data files and literature of the GBIF.be portal. Reads "
                                + "are public; writes need 'Authorization: Bearer <editor token>'. Every error is "
                                + "application/problem+json with a 'field' property naming the parameter or field at fault."));
    }
}
