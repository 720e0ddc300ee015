package be.biodiversity.portal.directory;

import org.springframework.test.context.TestPropertySource;

/**
 * The provider verification against a provider that renamed a field render-service reads. Not a test of its
 * own (its name is not one Surefire runs): {@code ContractGuardTests} runs it and expects it to fail.
 */
@TestPropertySource(properties = "contract-guard.rename=names:titles")
class RenamedFieldVerification extends RenderServicePactVerificationTests {
}
