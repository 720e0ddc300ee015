package be.biodiversity.portal.directory.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title of the OpenAPI document springdoc serves at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI directoryOpenApi() {
        return new OpenAPI().info(new Info().title("GBIF.be directory-service API").version("v1")
                .description("Organisations (publishers, Belgian BIF members, partners) and people of the GBIF.be "
                        + "portal. Reads are public; writes need 'Authorization: Bearer <editor token>'."));
    }
}
