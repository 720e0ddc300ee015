package be.biodiversity.portal.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Nu HTML Checker (vnu.jar, the W3C validator's engine) run on pages saved as files. Its jar comes from the
 * npm package {@code vnu-jar}, which {@code .ci/run} installs under {@code ~/.cache/portal-tools}; {@code VNU_JAR}
 * names another copy.
 */
final class NuHtmlChecker {

    static final String INSTALL = "npm install --prefix ~/.cache/portal-tools vnu-jar";

    private final Path jar;

    private NuHtmlChecker(Path jar) {
        this.jar = jar;
    }

    /** The checker, or empty (with the reason printed by the caller) when its jar is not installed. */
    static Optional<NuHtmlChecker> find() {
        String named = System.getenv("VNU_JAR");
        Path jar = named != null && !named.isBlank() ? Path.of(named)
                : Path.of(System.getProperty("user.home"), ".cache", "portal-tools", "node_modules", "vnu-jar",
                        "build", "dist", "vnu.jar");
        return Files.isRegularFile(jar) ? Optional.of(new NuHtmlChecker(jar)) : Optional.empty();
    }

    /** The errors the checker reports for these files, one line each: file, line and message. */
    List<String> errors(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xss4m", "-jar", jar.toString(), "--errors-only", "--format", "gnu", "--exit-zero-always"));
        files.forEach(file -> command.add(file.toString()));
        Process checker = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!checker.waitFor(5, TimeUnit.MINUTES) || checker.exitValue() != 0) {
            throw new IllegalStateException("the Nu HTML Checker did not finish: " + output);
        }
        return output.lines().filter(line -> line.contains(": error:")).toList();
    }
}
