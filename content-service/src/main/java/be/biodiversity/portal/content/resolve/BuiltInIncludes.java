package be.biodiversity.portal.content.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The includes the portal ships in its jar ({@code src/main/resources/includes}), read once at start-up: from this
 * service's own classes only, never from another jar's {@code includes/} folder. A site's
 * own {@code _includes} file of the same name takes precedence, as a site's file overrides its theme's in Jekyll.
 */
final class BuiltInIncludes {

    static final String LOCATION = "includes/";

    private final Map<String, String> includes;

    private BuiltInIncludes(Map<String, String> includes) {
        this.includes = Map.copyOf(includes);
    }

    static BuiltInIncludes fromClasspath() {
        return fromClasspath(BuiltInIncludes.class.getProtectionDomain().getCodeSource().getLocation().toString());
    }

    /**
     * @param ownRoot where this service's own classes are (a folder or the jar's classes): an {@code includes/}
     *                folder of any other jar on the class path (a library's) is not read
     */
    static BuiltInIncludes fromClasspath(String ownRoot) {
        Map<String, String> found = new TreeMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "**/*")) {
                String url = file.getURL().toString();
                if (!file.isReadable() || !url.startsWith(ownRoot + LOCATION)) {
                    continue;
                }
                String name = url.substring(url.lastIndexOf(LOCATION) + LOCATION.length());
                if (IncludeNames.problem(name).isEmpty()) {
                    found.put(name, file.getContentAsString(StandardCharsets.UTF_8));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the built-in includes", ex);
        }
        return new BuiltInIncludes(found);
    }

    Optional<String> find(String name) {
        return Optional.ofNullable(includes.get(name));
    }

    java.util.Set<String> names() {
        return includes.keySet();
    }
}
