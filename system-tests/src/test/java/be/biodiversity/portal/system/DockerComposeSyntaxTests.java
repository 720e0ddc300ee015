package be.biodiversity.portal.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Debian's docker-compose validates docker-compose.yml (no engine needed). .ci/run installs it when missing. */
class DockerComposeSyntaxTests {

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Process check;
        try {
            check = new ProcessBuilder("docker-compose", "-f",
                    ServiceConfig.ROOT.resolve("docker-compose.yml").toString(), "config", "--quiet")
                    .redirectErrorStream(true).start();
        }
        catch (IOException notInstalled) {
            Assumptions.abort("SKIPPED: docker-compose is not installed (apt-get install docker-compose); "
                    + "the compose syntax was not checked");
            return;
        }
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.exitValue()).as("docker-compose config says:\n" + output).isZero();
    }
}
