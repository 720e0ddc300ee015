package be.biodiversity.portal.directory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The directory service: organisations of the Belgian biodiversity community (port 8082, database "directory"). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DirectoryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DirectoryServiceApplication.class, args);
    }
}
