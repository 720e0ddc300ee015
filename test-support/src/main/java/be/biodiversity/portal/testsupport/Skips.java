package be.biodiversity.portal.testsupport;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips that say why on the console. Surefire shows an aborted {@code @BeforeAll} only as "Tests run: 0", with
 * the reason hidden in its XML report; a skip nobody can read looks like a pass.
 */
public final class Skips {

    private Skips() {
    }

    /** Aborts the calling test (or class, from {@code @BeforeAll}) unless {@code condition} holds, printing why. */
    public static void unless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("[skipped] " + reason);
            Assumptions.abort(reason);
        }
    }
}
