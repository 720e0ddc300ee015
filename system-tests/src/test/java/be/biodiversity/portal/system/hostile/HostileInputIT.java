package be.biodiversity.portal.system.hostile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import be.biodiversity.portal.system.Portal;

/**
 * Hostile input through the gateway of a running portal (issue #8): malformed and huge bodies, invalid UTF-8,
 * path traversal, header injection, stored and reflected script, regular-expression bombs, odd parameters, and
 * writes without the editor's token; and variants of what two outside probes found (issues #11 and #18): files read
 * through Liquid, drafts read without the token, hostile Liquid and YAML, NoSQL operators, pages at reserved paths,
 * junk spellings and floods of the page cache, removed pages, editors locked out, links that leave the site,
 * broken feeds, amplified searches, e-mail addresses, slow connections and unauthenticated uploads. Every answer is
 * checked for {@link Leaks} (file content, the token, internal addresses, draft text to visitors). Every case must be answered without a server error, change no data unless
 * it is meant to, and leave no markup of its making in a page. Each case is a test of its own in the report;
 * {@code target/hostile-input/summary.md} counts them per category.
 */
class HostileInputIT {

    static final Path SUMMARY = Path.of("target", "hostile-input", "summary.md");

    static RawHttp http;
    static Supplier<String> addresses;
    static Snapshot snapshot;
    static Fixtures fixtures;
    static Secrets secrets;
    static Leaks leaks;
    static final Summary summary = new Summary();

    @BeforeAll
    static void portal() throws Exception {
        http = new RawHttp(Portal.get().uri("/"), Portal.CLIENT_ADDRESS_HEADER);
        // Every case is a client of its own (an address in 10.0.0.0/8), so the gateway's per-client budgets hold
        // for each case, not for the suite.
        AtomicInteger next = new AtomicInteger(1);
        addresses = () -> {
            int n = next.getAndIncrement();
            return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        };
        leaks = new Leaks(Portal.EDITOR_TOKEN, Portal.get().internalAddresses());
        fixtures = Fixtures.create(client());
        secrets = Secrets.create(client());
        snapshot = new Snapshot(http, addresses);
    }

    @AfterAll
    static void writeSummary() throws Exception {
        summary.write(SUMMARY);
        System.out.println("[hostile-input] " + SUMMARY.toAbsolutePath() + "\n" + summary.markdown());
    }

    @TestFactory
    @DisplayName("—")
    Stream<DynamicContainer> hostileInput() throws Exception {
        List<HostileCase> cases = new ArrayList<>();
        cases.addAll(BodyCases.all(fixtures));
        cases.addAll(AwkwardValueCases.all());
        cases.addAll(PathCases.invalidUtf8());
        cases.addAll(PathCases.traversal());
        cases.addAll(HeaderCases.all());
        cases.addAll(StoredXssCases.all());
        cases.addAll(ReflectedXssCases.all());
        cases.addAll(SearchCases.regexBombs());
        cases.addAll(SearchCases.unknownAndRepeated());
        cases.addAll(SearchCases.paging());
        cases.addAll(TokenCases.all(fixtures, Portal.EDITOR_TOKEN));
        // Issues #11 and #18: variants of what two outside probes found.
        Portal portal = Portal.get();
        cases.addAll(FileDisclosureCases.all());
        cases.addAll(DraftCases.all(secrets));
        cases.addAll(ParameterCases.all());
        cases.addAll(NoSqlOperatorCases.all(fixtures, secrets));
        cases.addAll(ReservedPathCases.all(fixtures));
        cases.addAll(PageCacheCases.spellings());
        cases.addAll(RemovedPageCases.all());
        cases.addAll(EditorLockoutCases.all(WriteEndpoint.all(fixtures)));
        cases.addAll(UrlPolicyCases.all());
        cases.addAll(XmlCases.all());
        cases.addAll(AmplificationCases.all());
        cases.addAll(PersonalDataCases.all(secrets));
        cases.addAll(PageCacheCases.flood(new GatewayMetrics(portal.managementUri("/actuator/prometheus"))));
        cases.addAll(ConnectionCases.all(portal.managementUri("/actuator/health"), portal.log("gateway")));
        cases.addAll(EvaluationBudgetCases.all());
        // -Dhostile.only=DRAFTS,URL_POLICY runs only those categories (while working on them; the build runs all).
        String only = System.getProperty("hostile.only", "");
        return Stream.of(Category.values()).filter(c -> only.isBlank() || List.of(only.split(",")).contains(c.name()))
                .map(category -> DynamicContainer.dynamicContainer(category.title,
                cases.stream().filter(c -> c.category() == category)
                        .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)))));
    }

    private static void run(HostileCase hostileCase) throws Throwable {
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            Map<String, String> before = hostileCase.writes() ? null : snapshot.current();
            hostileCase.body().run(client());
            if (hostileCase.writes()) {
                snapshot.forget();
            }
            else {
                snapshot.assertUnchangedSince(before);
            }
        }
        catch (Throwable ex) {
            failure = ex;
            snapshot.forget();
            throw ex;
        }
        finally {
            summary.add(hostileCase, Duration.ofNanos(System.nanoTime() - start), failure);
        }
    }

    private static Client client() {
        return new Client(http, addresses, Portal.EDITOR_TOKEN, leaks);
    }
}
