package be.biodiversity.portal.system;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose cannot run here (no Docker engine), so this checks that what it names agrees with the
 * services' own configuration: ports, health paths, environment variables, URLs, start order and Dockerfiles.
 */
class ComposeConfigurationTests {

    private static final Path ROOT = ServiceConfig.ROOT;
    private static final List<String> SERVICES = ServiceConfig.SERVICES;

    private final Map<String, Object> compose = ServiceConfig.yaml(ROOT.resolve("docker-compose.yml"));

    @Test
    void composeRunsMongoDbAndTheFourServices() {
        assertThat(services().entrySet().stream().filter(e -> !cast(e.getValue()).containsKey("profiles"))
                .map(Map.Entry::getKey)).containsExactlyInAnyOrder("mongo", "content-service", "directory-service",
                "render-service", "gateway");
        assertThat(services().entrySet().stream().filter(e -> cast(e.getValue()).containsKey("profiles"))
                .map(Map.Entry::getKey)).as("the observability profile").containsExactlyInAnyOrder("prometheus",
                "jaeger");
        assertThat(string(service("mongo").get("image"))).isEqualTo("mongo:8");
    }

    @Test
    void eachServiceListensWhereItsOwnConfigurationSaysAndIsCheckedThere() throws IOException {
        for (String name : SERVICES) {
            ServiceConfig config = ServiceConfig.of(name);
            String port = config.port();
            String management = config.managementPort();
            Map<String, Object> service = service(name);
            List<?> published = (List<?>) service.getOrDefault("ports", service.get("expose"));
            assertThat(published).as(name + " ports").anySatisfy(p -> assertThat(string(p)).endsWith(port));
            String health = String.join(" ", strings(((Map<?, ?>) service.get("healthcheck")).get("test")));
            assertThat(health).as(name + " healthcheck, where the actuator answers")
                    .contains("http://localhost:" + management + "/actuator/health");
            assertThat(string(((Map<?, ?>) service.get("build")).get("dockerfile"))).isEqualTo(name + "/Dockerfile");
            String dockerfile = Files.readString(ROOT.resolve(name).resolve("Dockerfile"));
            assertThat(exposed(dockerfile)).as(name + "/Dockerfile EXPOSE").contains(port, management);
            assertThat(dockerfile).as(name + "/Dockerfile HEALTHCHECK")
                    .contains("http://localhost:" + management + "/actuator/health");
        }
    }

    @Test
    void theGatewaysManagementPortIsExposedToTheNetworkButNotPublished() {
        ServiceConfig gateway = ServiceConfig.of("gateway");
        assertThat(gateway.hasManagementPort()).as("gateway: management.server.port").isTrue();
        List<String> published = strings(service("gateway").get("ports"));
        assertThat(published).as("published: the public port only")
                .containsExactly(gateway.port() + ":" + gateway.port());
        assertThat(strings(service("gateway").get("expose"))).contains(gateway.managementPort());
    }

    @Test
    void prometheusScrapesEveryServiceWhereItsActuatorAnswers() {
        Map<String, Object> prometheus = ServiceConfig.yaml(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        List<String> targets = new ArrayList<>();
        for (Object job : (List<?>) prometheus.get("scrape_configs")) {
            Map<String, Object> config = cast(job);
            assertThat(string(config.get("metrics_path"))).as(string(config.get("job_name")))
                    .isEqualTo("/actuator/prometheus");
            for (Object staticConfig : (List<?>) config.get("static_configs")) {
                targets.addAll(strings(cast(staticConfig).get("targets")));
            }
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(SERVICES.stream()
                .map(name -> name + ":" + ServiceConfig.of(name).managementPort()).toList());
        for (String name : SERVICES) {
            assertThat(property(name, "management.endpoints.web.exposure.include")).as(name).contains("prometheus");
        }
        String mounted = String.join(" ", strings(service("prometheus").get("volumes")));
        assertThat(mounted).contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");
    }

    @Test
    void everyEnvironmentVariableSetsAPropertyTheServiceHas() {
        for (String name : SERVICES) {
            ServiceConfig config = ServiceConfig.of(name);
            environment(name).keySet().forEach(variable -> assertThat(config.binds(variable))
                    .as("%s sets %s, which must bind to a property in %s", name, variable, ServiceConfig.file(name))
                    .isTrue());
        }
    }

    @Test
    void serviceUrlsPointAtComposeServicesOnTheirPortsAndWaitForThem() {
        Pattern url = Pattern.compile("PORTAL_(\\w+)_URL");
        for (String name : SERVICES) {
            environment(name).forEach((variable, value) -> {
                Matcher m = url.matcher(variable);
                if (!m.matches()) {
                    return;
                }
                URI target = URI.create(value);
                String host = target.getHost();
                assertThat(SERVICES).as(variable + " of " + name).contains(host);
                assertThat(host).as(variable).startsWith(m.group(1).toLowerCase());
                assertThat(String.valueOf(target.getPort())).as(variable).isEqualTo(property(host, "server.port"));
                Map<?, ?> dependsOn = (Map<?, ?>) service(name).get("depends_on");
                assertThat(string(((Map<?, ?>) dependsOn.get(host)).get("condition"))).as(name + " waits for " + host)
                        .isEqualTo("service_healthy");
            });
        }
    }

    @Test
    void theDataServicesUseTheirOwnDatabaseOnTheMongoService() {
        for (String name : List.of("content-service", "directory-service")) {
            URI uri = URI.create(environment(name).get("SPRING_MONGODB_URI"));
            assertThat(uri.getHost()).isEqualTo("mongo");
            assertThat(uri.getPath()).isEqualTo("/" + property(name, "spring.mongodb.database"));
            Map<?, ?> dependsOn = (Map<?, ?>) service(name).get("depends_on");
            assertThat(string(((Map<?, ?>) dependsOn.get("mongo")).get("condition"))).isEqualTo("service_healthy");
        }
        assertThat(property("content-service", "spring.mongodb.database"))
                .isNotEqualTo(property("directory-service", "spring.mongodb.database"));
    }

    @Test
    void onlyTheGatewayIsPublished() {
        SERVICES.stream().filter(name -> !name.equals("gateway"))
                .forEach(name -> assertThat(service(name)).as(name).doesNotContainKey("ports"));
        assertThat(service("gateway")).containsKey("ports");
    }

    private Map<String, Object> services() {
        return cast(compose.get("services"));
    }

    private Map<String, Object> service(String name) {
        return cast(services().get(name));
    }

    private Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        Object declared = service(name).get("environment");
        if (declared != null) {
            cast(declared).forEach((key, value) -> env.put(key, string(value)));
        }
        return env;
    }

    /** The ports of a Dockerfile's EXPOSE lines. */
    private static List<String> exposed(String dockerfile) {
        return dockerfile.lines().filter(line -> line.startsWith("EXPOSE "))
                .flatMap(line -> Arrays.stream(line.substring("EXPOSE ".length()).trim().split("\\s+")))
                .toList();
    }

    private static String property(String service, String key) {
        return ServiceConfig.of(service).property(key);
    }

    private static Map<String, Object> cast(Object map) {
        return ServiceConfig.cast(map);
    }

    private static String string(Object value) {
        return String.valueOf(value);
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
