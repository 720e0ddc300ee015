package be.biodiversity.portal.system;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static be.biodiversity.portal.system.ServiceConfig.cast;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No cluster runs here, so this checks the kustomize base and the example overlay against the services' own
 * configuration: ports, probes on the actuator health groups, resources, non-root read-only pods, a Service per
 * Deployment, environment variables that bind, and references to the ConfigMap and Secret that exist.
 */
class KubernetesManifestTests {

    private static final Path BASE = ServiceConfig.ROOT.resolve("deploy/k8s/base");
    private static final Path OVERLAY = ServiceConfig.ROOT.resolve("deploy/k8s/overlays/example");

    private final List<Map<String, Object>> resources = base();

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        List<String> listed = strings(ServiceConfig.yaml(BASE.resolve("kustomization.yaml")).get("resources"));
        try (Stream<Path> files = Files.list(BASE)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @Test
    void everyServiceHasADeploymentWithProbesResourcesAndALockedDownPod() {
        for (String name : ServiceConfig.SERVICES) {
            Map<String, Object> pod = podSpec(name);
            Map<String, Object> container = cast(((List<?>) pod.get("containers")).get(0));
            ServiceConfig config = ServiceConfig.of(name);
            assertThat(containerPort(container, "http")).as(name + " containerPort").isEqualTo(config.port());
            assertThat(path(container, "startupProbe")).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "livenessProbe")).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "readinessProbe")).as(name).isEqualTo("/actuator/health/readiness");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(containerPort(container, probePort(container, probe)))
                        .as("%s %s probes where the actuator answers", name, probe).isEqualTo(config.managementPort());
            }
            Map<String, Object> resources = cast(container.get("resources"));
            assertThat(cast(resources.get("requests"))).as(name).containsKeys("cpu", "memory");
            assertThat(cast(resources.get("limits"))).as(name).containsKeys("cpu", "memory");
            assertThat(cast(pod.get("securityContext"))).as(name).containsEntry("runAsNonRoot", true);
            assertThat(cast(container.get("securityContext"))).as(name).containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
        }
    }

    @Test
    void everyDeploymentHasAServiceThatSelectsItOnItsPort() {
        for (String name : ServiceConfig.SERVICES) {
            Map<String, Object> spec = cast(find("Service", name).get("spec"));
            Map<String, Object> podLabels = cast(cast(cast(cast(find("Deployment", name).get("spec")).get("template"))
                    .get("metadata")).get("labels"));
            assertThat(podLabels).as(name + " pods carry the Service's selector")
                    .containsAllEntriesOf(cast(spec.get("selector")));
            Map<String, Object> port = cast(((List<?>) spec.get("ports")).get(0));
            assertThat(String.valueOf(port.get("port"))).as(name).isEqualTo(ServiceConfig.of(name).port());
            assertThat(port.get("targetPort")).isEqualTo("http");
        }
    }

    @Test
    void theGatewaysManagementPortIsDeclaredButNotBehindTheIngress() {
        ServiceConfig gateway = ServiceConfig.of("gateway");
        assertThat(gateway.hasManagementPort()).as("gateway: management.server.port").isTrue();
        Map<String, Object> container = cast(((List<?>) podSpec("gateway").get("containers")).get(0));
        assertThat(containerPort(container, "management")).isEqualTo(gateway.managementPort());
        Map<String, Object> management = servicePort("gateway", "management");
        assertThat(String.valueOf(management.get("port"))).isEqualTo(gateway.managementPort());
        assertThat(management.get("targetPort")).isEqualTo("management");
        Object ingressPort = cast(ingressBackend().get("port")).get("name");
        assertThat(String.valueOf(servicePort("gateway", String.valueOf(ingressPort)).get("port")))
                .as("the Ingress goes to the gateway's public port").isEqualTo(gateway.port());
        Map<String, Object> policy = cast(find("NetworkPolicy", "gateway").get("spec"));
        assertThat(ports((List<?>) policy.get("ingress"))).as("what the gateway's own policy opens")
                .containsExactly(gateway.port());
    }

    @Test
    void prometheusMayScrapeEveryServiceWhereItsActuatorAnswers() {
        Map<String, Object> policy = cast(find("NetworkPolicy", "prometheus").get("spec"));
        List<?> ingress = (List<?>) policy.get("ingress");
        assertThat(ingress.toString()).as("only Prometheus").contains("app.kubernetes.io/name=prometheus")
                .doesNotContain("namespaceSelector={}");
        for (String name : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(name);
            assertThat(config.property("management.endpoints.web.exposure.include")).as(name).contains("prometheus");
            Map<String, Object> annotations = cast(cast(cast(cast(find("Deployment", name).get("spec"))
                    .get("template")).get("metadata")).get("annotations"));
            assertThat(annotations).as(name).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", config.managementPort())
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
            Map<String, Object> podLabels = cast(cast(cast(cast(find("Deployment", name).get("spec")).get("template"))
                    .get("metadata")).get("labels"));
            assertThat(podLabels).as(name + " pods are selected")
                    .containsAllEntriesOf(cast(cast(policy.get("podSelector")).get("matchLabels")));
            assertThat(ports(ingress)).as(name).contains(config.managementPort());
        }
    }

    @Test
    void environmentVariablesBindAndTheirSourcesExist() {
        Map<String, Object> config = cast(find("ConfigMap", "portal-config").get("data"));
        Set<String> secretKeys = overlaySecretKeys();
        for (String name : ServiceConfig.SERVICES) {
            ServiceConfig service = ServiceConfig.of(name);
            for (Object e : (List<?>) cast(((List<?>) podSpec(name).get("containers")).get(0)).get("env")) {
                Map<String, Object> env = cast(e);
                String variable = String.valueOf(env.get("name"));
                assertThat(service.binds(variable)).as("%s: %s binds to a property", name, variable).isTrue();
                Map<String, Object> from = env.get("valueFrom") == null ? Map.of() : cast(env.get("valueFrom"));
                if (from.containsKey("configMapKeyRef")) {
                    assertThat(config).as(name + " " + variable).containsKey(
                            String.valueOf(cast(from.get("configMapKeyRef")).get("key")));
                }
                if (from.containsKey("secretKeyRef")) {
                    assertThat(secretKeys).as(name + " " + variable).contains(
                            String.valueOf(cast(from.get("secretKeyRef")).get("key")));
                }
            }
        }
    }

    @Test
    void serviceUrlsPointAtTheServicesOnTheirPorts() {
        Map<String, Object> config = cast(find("ConfigMap", "portal-config").get("data"));
        config.forEach((key, value) -> {
            if (key.endsWith("_URL") && !key.equals("PORTAL_SITE_URL")) {
                URI uri = URI.create(String.valueOf(value));
                assertThat(ServiceConfig.SERVICES).as(key).contains(uri.getHost());
                assertThat(String.valueOf(uri.getPort())).as(key).isEqualTo(ServiceConfig.of(uri.getHost()).port());
            }
        });
    }

    @Test
    void onlyTheGatewayIsExposedAndTheFrontTierScales() {
        assertThat(ingressBackend().get("name")).isEqualTo("gateway");
        List<String> scaled = resources.stream().filter(r -> "HorizontalPodAutoscaler".equals(r.get("kind")))
                .map(r -> String.valueOf(cast(cast(r.get("spec")).get("scaleTargetRef")).get("name"))).toList();
        assertThat(scaled).containsExactlyInAnyOrder("gateway", "render-service");
        ServiceConfig.SERVICES.forEach(name -> assertThat(find("PodDisruptionBudget", name)).isNotNull());
    }

    @Test
    void onlyTheDataServicesAreInTheTierThatReachesMongoDb() {
        List<String> dataTier = ServiceConfig.SERVICES.stream()
                .filter(name -> "data".equals(cast(cast(cast(cast(find("Deployment", name).get("spec"))
                        .get("template")).get("metadata")).get("labels")).get("portal.biodiversity.be/tier")))
                .toList();
        assertThat(dataTier).containsExactlyInAnyOrder("content-service", "directory-service");
        Map<String, Object> policy = cast(find("NetworkPolicy", "data-services").get("spec"));
        assertThat(policy.get("egress").toString()).contains("27017");
        assertThat(resources.stream().filter(r -> "NetworkPolicy".equals(r.get("kind")))
                .filter(r -> !r.get("kind").equals("data-services"))
                .map(r -> String.valueOf(cast(r.get("spec")).get("egress")))
                .filter(egress -> egress.contains("27017"))).hasSize(1);
    }

    @Test
    void theOverlayNamesAnImageForEveryDeployment() {
        List<String> images = ((List<?>) ServiceConfig.yaml(OVERLAY.resolve("kustomization.yaml")).get("images"))
                .stream().map(i -> String.valueOf(cast(i).get("name"))).toList();
        for (String name : ServiceConfig.SERVICES) {
            String image = String.valueOf(cast(((List<?>) podSpec(name).get("containers")).get(0)).get("image"));
            assertThat(images).as(name).contains(image.substring(0, image.indexOf(':')));
        }
    }

    private Map<String, Object> podSpec(String deployment) {
        return cast(cast(cast(find("Deployment", deployment).get("spec")).get("template")).get("spec"));
    }

    private Map<String, Object> find(String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(r.get("kind")) && name.equals(cast(r.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("No " + kind + " " + name + " in " + BASE));
    }

    private Map<String, Object> ingressBackend() {
        return cast(cast(cast(((List<?>) cast(cast(((List<?>) cast(find("Ingress", "portal").get("spec"))
                .get("rules")).get(0)).get("http")).get("paths")).get(0)).get("backend")).get("service"));
    }

    private Map<String, Object> servicePort(String service, String name) {
        return ((List<?>) cast(find("Service", service).get("spec")).get("ports")).stream().map(ServiceConfig::cast)
                .filter(p -> name.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("Service " + service + " has no port " + name));
    }

    /** The container port of that name, as a number. */
    private static String containerPort(Map<String, Object> container, String name) {
        return ((List<?>) container.get("ports")).stream().map(ServiceConfig::cast)
                .filter(p -> name.equals(p.get("name"))).map(p -> String.valueOf(p.get("containerPort"))).findFirst()
                .orElseThrow(() -> new AssertionError("No container port " + name + " in " + container.get("ports")));
    }

    private static String probePort(Map<String, Object> container, String probe) {
        return String.valueOf(cast(cast(container.get(probe)).get("httpGet")).get("port"));
    }

    private static String path(Map<String, Object> container, String probe) {
        return String.valueOf(cast(cast(container.get(probe)).get("httpGet")).get("path"));
    }

    /** Every port a list of NetworkPolicy ingress rules opens. */
    private static List<String> ports(List<?> rules) {
        return rules.stream().flatMap(rule -> ((List<?>) cast(rule).get("ports")).stream())
                .map(port -> String.valueOf(cast(port).get("port"))).toList();
    }

    private static Set<String> overlaySecretKeys() {
        Map<String, Object> generator = cast(((List<?>) ServiceConfig.yaml(OVERLAY.resolve("kustomization.yaml"))
                .get("secretGenerator")).get(0));
        return ((List<?>) generator.get("literals")).stream()
                .map(l -> String.valueOf(l).substring(0, String.valueOf(l).indexOf('='))).collect(Collectors.toSet());
    }

    private static List<Map<String, Object>> base() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String file : strings(ServiceConfig.yaml(BASE.resolve("kustomization.yaml")).get("resources"))) {
            all.addAll(ServiceConfig.yamlDocuments(BASE.resolve(file)));
        }
        return all;
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
