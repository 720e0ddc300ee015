package be.biodiversity.portal.directory;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Proves the contract guard works: renaming a field render-service reads fails the provider verification. */
class ContractGuardTests {

    @Test
    void renamingAFieldRenderServiceReadsFailsTheVerification() {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(RenamedFieldVerification.class))
                .execute().testEvents();
        assertThat(tests.started().count()).as("interactions replayed").isPositive();
        assertThat(tests.failed().count()).as("interactions that caught the renamed field").isPositive();
    }
}
