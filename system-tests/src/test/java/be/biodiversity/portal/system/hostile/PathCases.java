package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths that try to leave where they point (to actuators, internals, files), and bytes that are not UTF-8. */
final class PathCases {

    /** Text that would show that a file or an internal endpoint was served. */
    private static final List<String> LEAKS = List.of("root:x:0:0", "spring:", "\"propertySources\"",
            "\"activeProfiles\"", "\"beans\"", "Main-Class", "<web-app", "portal.editor", "\"circuitBreakers\"", "\"routes\"");

    private PathCases() {
    }

    static List<HostileCase> traversal() {
        List<String> targets = List.of(
                // to the services' actuators
                "/../actuator/env", "/nl/../../actuator/env", "/%2e%2e/actuator/env", "/%2e%2e%2factuator%2fenv",
                "/%252e%252e%252factuator%252fenv", "/..%5cactuator%5cenv", "/..\\actuator\\env",
                "/api/content/../actuator/env", "/api/content/%2e%2e/actuator/env",
                "/api/content/v1/%2e%2e/%2e%2e/actuator/health", "/api/content/v1/..%2f..%2factuator/health",
                "/api/directory/v1/..%252f..%252factuator/env", "/api/directory/v1/..\\..\\actuator\\env",
                "/api/content/v1/pages/..;/..;/actuator/env", "/ACTUATOR/env", "/actuator;/env", "/actuator/./env",
                "/actuator/gateway/routes", "/actuator/health/../env", "/%61ctuator/env",
                // to the gateway's internal forward targets
                "/_gateway/fallback/api", "/%5fgateway/fallback/page", "/nl/../_gateway/fallback/page",
                // to the services' API documents and to files, through the static assets
                "/api/directory/../v3/api-docs", "/api/content/v1/../../../v3/api-docs",
                "/assets/portal/../../application.yml", "/assets/portal/%2e%2e/%2e%2e/application.yml",
                "/assets/portal/..%2f..%2fapplication.yml", "/assets/portal/%252e%252e%252fapplication.yml",
                "/assets/portal/..\\..\\application.yml", "/assets/portal/%5c..%5c..%5capplication.yml",
                "/assets/portal/../../../../../../etc/passwd", "/assets/portal/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/assets/portal/....//....//etc/passwd", "/assets/portal/site.css/../../../BOOT-INF/classes/application.yml",
                "/BOOT-INF/classes/application.yml", "/META-INF/MANIFEST.MF", "/WEB-INF/web.xml",
                "/api/content/v1/data/..%2f..%2f..%2fetc%2fpasswd", "/api/content/v1/pages?lang=en&path=/../../etc/passwd");
        List<HostileCase> cases = new ArrayList<>();
        // names that would be paths, written with the editor's token: refused, nothing stored
        for (String name : List.of("..%2F..%2Fhostile", "%2E%2E", "..%5C..%5Chostile", "hostile%00.yml",
                "%3Cscript%3E", "a".repeat(300))) {
            cases.add(HostileCase.of(Category.PATH_TRAVERSAL, "PUT /api/content/v1/data/" + name, client ->
                    Expect.refused(client.asEditor(Request.of("PUT", "/api/content/v1/data/" + name)
                            .json("{\"source\":\"hostile: true\\n\"}")))));
        }
        for (String target : targets) {
            cases.add(HostileCase.of(Category.PATH_TRAVERSAL, "GET " + target, client -> {
                Answer answer = client.send(Request.get(target));
                if (answer.status() == 301) {
                    Expect.staysOnSite(answer); // the gateway's redirect to the canonical path (no doubled slashes)
                }
                else {
                    Expect.refused(answer);
                }
                assertThat(answer.text()).as("what %s served", target).doesNotContain(LEAKS);
            }));
        }
        return cases;
    }

    static List<HostileCase> invalidUtf8() {
        List<String> targets = List.of(
                "/nl/\u00c3(", "/nl/%C3%28", "/nl/%FF%FE", "/%C0%AE%C0%AE/actuator/env", "/nl/%ED%A0%80",
                "/publisher/%FF", "/literature/%C3%28", "/api/content/v1/pages/%FF",
                "/api/directory/v1/organisations/%C3%28", "/api/directory/v1/people/slug/%FF",
                "/publisher/search?q=%FF%FE", "/nl/publisher/search?q=\u00ff\u00fe", "/literature/search?q=%C3%28",
                "/api/directory/v1/organisations?q=%C3%28", "/api/content/v1/pages?q=%FF",
                "/api/content/v1/literature?q=%E2%82", "/api/content/v1/pages?lang=en&path=/%C3%28",
                "/news?category=%FF", "/api/content/v1/posts?category=%C0%AF");
        List<HostileCase> cases = new ArrayList<>();
        for (String target : targets) {
            cases.add(HostileCase.of(Category.INVALID_UTF8, "GET " + target.replace("\u00c3", "\\xC3")
                    .replace("\u00ff", "\\xFF").replace("\u00fe", "\\xFE"),
                    client -> Expect.safePage(client.send(Request.get(target)))));
        }
        return cases;
    }
}
