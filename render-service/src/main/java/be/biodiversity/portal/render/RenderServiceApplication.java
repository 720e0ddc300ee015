package be.biodiversity.portal.render;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Renders the public HTML pages of the GBIF.be portal from content-service and directory-service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RenderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RenderServiceApplication.class, args);
    }

}
