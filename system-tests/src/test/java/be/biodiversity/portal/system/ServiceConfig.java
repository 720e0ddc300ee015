package be.biodiversity.portal.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** A service's own configuration (its application.yml), as deployment files must agree with it. */
final class ServiceConfig {

    static final Path ROOT = Path.of(System.getProperty("portal.root", ".."));
    static final List<String> SERVICES = List.of("content-service", "directory-service", "render-service", "gateway");

    /** Boot's own properties that a service uses on purpose without a value in its application.yml. */
    private static final List<String> UNSET_BOOT_PROPERTIES = List.of("spring.mongodb.uri", "spring.profiles.active",
            "management.opentelemetry.tracing.export.otlp.endpoint",
            "management.endpoint.health.probes.enabled", "management.endpoint.health.group.readiness.include");

    private final String service;
    private final Map<String, Object> properties;

    private ServiceConfig(String service) {
        this.service = service;
        // The first document holds the defaults; later ones only apply to a profile (e.g. "container").
        this.properties = flatten(yamlDocuments(file(service)).get(0));
        UNSET_BOOT_PROPERTIES.forEach(p -> properties.putIfAbsent(p, null));
    }

    static ServiceConfig of(String service) {
        return new ServiceConfig(service);
    }

    String port() {
        return property("server.port");
    }

    /** Whether the actuator has a port of its own ({@code management.server.port}), apart from {@link #port()}. */
    boolean hasManagementPort() {
        return properties.get("management.server.port") != null
                && !String.valueOf(properties.get("management.server.port")).equals(port());
    }

    /** Where health and metrics answer: {@code management.server.port} if the service has one, else {@link #port()}. */
    String managementPort() {
        return hasManagementPort() ? property("management.server.port") : port();
    }

    String property(String key) {
        Object value = properties.get(key);
        if (value == null) {
            throw new AssertionError(key + " is not set in " + file(service));
        }
        return String.valueOf(value);
    }

    /** Whether an environment variable binds to one of the service's properties (Boot's relaxed binding). */
    boolean binds(String variable) {
        return variable.equals("JAVA_TOOL_OPTIONS")
                || properties.keySet().stream().anyMatch(key -> relaxed(key).equals(variable)
                        || legacy(key).equals(variable));
    }

    /** portal.editor.token → PORTAL_EDITOR_TOKEN; dashes are dropped, as Boot documents. */
    static String relaxed(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase();
    }

    /** portal.site-url → PORTAL_SITE_URL: Boot's environment mapping accepts dashes as underscores too. */
    static String legacy(String property) {
        return property.replace('-', '_').replace('.', '_').toUpperCase();
    }

    static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + file, ex);
        }
    }

    /** Every document of a multi-document YAML file. */
    static List<Map<String, Object>> yamlDocuments(Path file) {
        try {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                if (doc != null) {
                    docs.add(cast(doc));
                }
            }
            return docs;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + file, ex);
        }
    }

    static Path file(String service) {
        return ROOT.resolve(service).resolve("src/main/resources/application.yml");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        tree.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten(cast(nested)).forEach((k, v) -> flat.put(key + "." + k, v));
            }
            else {
                flat.put(key, value);
            }
        });
        return flat;
    }
}
