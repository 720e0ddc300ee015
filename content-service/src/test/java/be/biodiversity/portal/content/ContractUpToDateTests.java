package be.biodiversity.portal.content;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import be.biodiversity.portal.testsupport.CommittedContracts;

/** The contract RenderServicePactVerificationTests replays is the one render-service's tests write today. */
class ContractUpToDateTests {

    @Test
    void committedContractIsWhatRenderServiceWrites() throws Exception {
        CommittedContracts.assertUpToDate(Path.of(""), "render-service-content-service.json");
    }
}
