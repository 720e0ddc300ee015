package be.biodiversity.portal.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's image builds from the modules it needs. Docker does not run on the build machines, so this is
 * checked from the files: the Dockerfile sends the whole tree to Maven and builds the service with {@code -am}, and
 * .dockerignore leaves none of the modules it needs out. (The Dockerfiles had copied only embedded-mongodb and
 * test-support: none of the four images could have built since markdown-support, api-problems, editor-security and
 * search-index became modules of their own.)
 */
class DockerfileTests {

    private static final Path ROOT = ServiceConfig.ROOT;

    private static final Pattern OUR_ARTIFACT = Pattern.compile(
            "<groupId>be\\.biodiversity\\.portal</groupId>\\s*<artifactId>([a-z-]+)</artifactId>");

    @ParameterizedTest
    @ValueSource(strings = { "content-service", "directory-service", "render-service", "gateway" })
    void theImageIsBuiltFromTheWholeTreeWithTheModulesTheServiceNeeds(String service) throws IOException {
        String dockerfile = Files.readString(ROOT.resolve(service).resolve("Dockerfile"));
        assertThat(dockerfile).as(service + "/Dockerfile sends the whole tree to the build").contains("\nCOPY . .\n");
        assertThat(dockerfile).as(service + "/Dockerfile builds the service with the modules it needs")
            .containsPattern("mvnw [^\\n]*-pl " + Pattern.quote(service) + " -am (package|install)");

        Set<String> needed = modulesNeededBy(service);
        assertThat(needed).as("the modules %s needs (from the poms)", service).isNotEmpty();
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
            .map(String::strip).filter((line) -> !line.isEmpty() && !line.startsWith("#")).toList();
        for (String module : needed) {
            assertThat(Files.isDirectory(ROOT.resolve(module))).as(module).isTrue();
            assertThat(ignored).as(".dockerignore must not leave out " + module)
                .noneMatch((pattern) -> pattern.equals(module) || pattern.equals(module + "/")
                        || pattern.equals("/" + module) || pattern.equals("/" + module + "/"));
        }
        assertThat(ignored).as("a source package called data (content-service's) is not left out")
            .doesNotContain("**/data/", "**/data", "data/", "data");
    }

    /** The service and every module of ours it depends on, directly or not (any scope: -am builds them all). */
    private static Set<String> modulesNeededBy(String service) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        collect(service, found);
        return found;
    }

    private static void collect(String module, Set<String> found) throws IOException {
        if (!found.add(module)) {
            return;
        }
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        String dependencies = pom.contains("<dependencies>") ? pom.substring(pom.indexOf("<dependencies>")) : "";
        Matcher artifact = OUR_ARTIFACT.matcher(dependencies);
        while (artifact.find()) {
            collect(artifact.group(1), found);
        }
    }
}
