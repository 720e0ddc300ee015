package be.biodiversity.portal.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closes the Pact loop in one build. render-service (built first) writes its contracts afresh into
 * {@code render-service/target/pacts}; a provider verifies the committed copy in {@code contracts/pacts}. This
 * check, run by each provider, fails while the two differ, so a consumer change cannot pass with an old
 * contract. When render-service was not built in this run, it skips and says why.
 */
public final class CommittedContracts {

    private CommittedContracts() {
    }

    /** @param file the contract's file name, e.g. {@code render-service-content-service.json} */
    public static void assertUpToDate(Path moduleDir, String file) throws IOException {
        Path root = moduleDir.toAbsolutePath().getParent();
        Path written = root.resolve("render-service/target/pacts").resolve(file);
        Path committed = root.resolve("contracts/pacts").resolve(file);
        if (!Files.exists(written)) {
            String reason = "[contracts] " + written + " is not there: render-service's tests did not run before this"
                    + " module, so the committed contract is verified as it is (./mvnw verify builds both).";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        assertThat(Files.readString(committed).strip())
                .as("contracts/pacts/%s is not what render-service's tests now write; copy %s to contracts/pacts and"
                        + " commit it with the change", file, root.relativize(written))
                .isEqualTo(Files.readString(written).strip());
    }
}
