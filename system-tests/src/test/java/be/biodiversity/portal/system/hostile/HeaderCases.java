package be.biodiversity.portal.system.hostile;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values that would become headers if they were reflected unencoded (the gateway's redirects to the canonical
 * path copy the path and query into {@code Location}), open redirects, a forged {@code Host}, and headers larger
 * than the gateway accepts.
 */
final class HeaderCases {

    private HeaderCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        for (String target : List.of("/nl/community/?q=%0d%0aX-Injected:%201", "/nl/%0d%0aSet-Cookie:%20hostile=1/",
                "/publisher/search/?q=%0D%0ALocation:%20https://evil.example", "/nl/?x=%0aX-Injected:%201%0a",
                "/literature/search/?q=%E5%98%8A%E5%98%8DX-Injected:%201", "/nl/community/?q=%%0d0a%0d%0aX-Injected:%201",
                "/api/content/v1/pages?lang=en&path=%0d%0aX-Injected:%201", "/api/directory/v1/organisations?q=%0d%0aX-Injected:%201")) {
            cases.add(HostileCase.of(Category.HEADER_INJECTION, "GET " + target, client -> {
                Answer answer = Expect.safePage(client.send(Request.get(target)));
                Expect.noHeader(answer, "X-Injected");
                assertThat(answer.headers().getOrDefault("set-cookie", List.of())).as("Set-Cookie")
                        .noneMatch(cookie -> cookie.contains("hostile"));
                Expect.staysOnSite(answer);
            }));
        }
        for (String target : List.of("//evil.example/", "/%5Cevil.example/", "/%2F%2Fevil.example/", "/\\/evil.example/",
                "/nl//evil.example//", "/%09/evil.example/")) {
            cases.add(HostileCase.of(Category.HEADER_INJECTION, "GET " + target + " (open redirect)",
                    client -> Expect.staysOnSite(Expect.answered(client.send(Request.get(target))))));
        }
        cases.add(HostileCase.of(Category.HEADER_INJECTION, "a page asked for with Host: evil.example", client -> {
            Answer answer = Expect.safePage(client.send(Request.get("/nl/community").header("Host", "evil.example")));
            assertThat(answer.text()).as("links in the page").doesNotContain("evil.example");
        }));
        cases.add(HostileCase.of(Category.HEADER_INJECTION, "a redirect asked for with X-Forwarded-Host: evil.example",
                client -> {
                    Answer answer = Expect.answered(client.send(Request.get("/nl/community/")
                            .header("X-Forwarded-Host", "evil.example").header("Forwarded", "host=evil.example")));
                    Expect.staysOnSite(answer);
                    assertThat(answer.text()).doesNotContain("evil.example");
                }));
        cases.add(HostileCase.of(Category.HEADER_INJECTION, "POST a page whose permalink holds CR LF (it names the Location)",
                client -> {
                    Answer answer = Expect.refused(client.asEditor(Request.of("POST", "/api/content/v1/pages").json("""
                            {"lang":"en","permalink":"/hostile\\r\\nX-Injected: 1","title":"x","body":"x"}""")));
                    Expect.noHeader(answer, "X-Injected");
                }));
        cases.add(HostileCase.of(Category.HEADER_INJECTION, "a request line with CR LF inside the target", client -> {
            Answer answer = Expect.refused(client.send(Request.get("/nl?x=a\r\nX-Injected: 1")));
            Expect.noHeader(answer, "X-Injected");
        }));
        cases.add(HostileCase.of(Category.HEADER_INJECTION, "a header value with a bare CR", client ->
                Expect.noHeader(Expect.answered(client.send(Request.get("/nl").header("X-Note", "a\rX-Injected: 1"))),
                        "X-Injected")));
        cases.add(HostileCase.of(Category.HEADER_INJECTION, "one 20 KB header (limit 16 KB)", client ->
                Expect.refused(client.send(Request.get("/nl").header("X-Big", "a".repeat(20_000))))));
        cases.add(HostileCase.of(Category.HEADER_INJECTION, "a 20 KB Cookie on an API write", client ->
                Expect.refused(client.asEditor(Request.of("POST", "/api/content/v1/pages")
                        .header("Cookie", "c=" + "a".repeat(20_000)).json("{}")))));
        cases.add(HostileCase.of(Category.HEADER_INJECTION, "300 headers of 100 bytes", client -> {
            Request request = Request.get("/nl");
            for (int i = 0; i < 300; i++) {
                request = request.header("X-Many-" + i, "b".repeat(90));
            }
            Expect.refused(client.send(request));
        }));
        cases.add(HostileCase.of(Category.HEADER_INJECTION, "a 40 KB URL", client ->
                Expect.refused(client.send(Request.get("/publisher/search?q=" + "a".repeat(40_000))))));
        cases.addAll(smuggling());
        return cases;
    }

    /**
     * Requests framed two ways at once, to make the gateway and a service disagree on where one ends: whatever the
     * gateway answers, no second request may reach a service's internals, and the next request is served normally.
     */
    private static List<HostileCase> smuggling() {
        String head = "Host: portal\r\nX-Real-IP: $CLIENT\r\nContent-Type: application/json\r\n";
        String smuggled = "GET /actuator/env HTTP/1.1\r\nHost: portal\r\nX-Real-IP: $CLIENT\r\nConnection: close\r\n\r\n";
        List<String[]> wires = List.of(
                new String[] { "Content-Length and Transfer-Encoding: chunked together",
                        "POST /api/content/v1/pages HTTP/1.1\r\n" + head + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "0\r\n\r\n" + smuggled },
                new String[] { "two different Content-Lengths",
                        "POST /api/directory/v1/organisations HTTP/1.1\r\n" + head + "Content-Length: 0\r\nContent-Length: "
                                + smuggled.length() + "\r\n\r\n" + smuggled },
                new String[] { "an obfuscated Transfer-Encoding",
                        "POST /api/content/v1/pages HTTP/1.1\r\n" + head + "Transfer-Encoding: xchunked\r\nTransfer-Encoding : chunked\r\n\r\n"
                                + "0\r\n\r\n" + smuggled },
                new String[] { "a GET with a body that is a request",
                        "GET /nl HTTP/1.1\r\n" + head + "Connection: close\r\nContent-Length: " + smuggled.length()
                                + "\r\n\r\n" + smuggled });
        List<HostileCase> cases = new ArrayList<>();
        for (String[] wire : wires) {
            cases.add(HostileCase.of(Category.HEADER_INJECTION, "request smuggling: " + wire[0], client -> {
                List<Integer> statuses = client.sendWire(wire[1]);
                assertThat(statuses).as("statuses of the answers").isNotEmpty().allMatch(status -> status < 500);
                assertThat(statuses.subList(1, statuses.size())).as("answers to a smuggled request").doesNotContain(200);
                Answer next = client.send(Request.get("/api/content/v1/revision"));
                assertThat(next.status()).as("the next request: %s", next).isEqualTo(200);
            }));
        }
        return cases;
    }
}
