package be.biodiversity.portal.system.hostile;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * A client of the portal as a case sees it: its own address, so its own rate-limit budgets. Every answer it gets
 * is checked for {@link Leaks}: no answer holds a file of a service's machine, the editor token or an internal
 * address, and no answer to a request without the editor's token holds the text of a draft.
 */
final class Client {

    private final RawHttp http;
    private final Supplier<String> addresses;
    private final String address;
    private final String editorToken;
    private final Leaks leaks;

    Client(RawHttp http, Supplier<String> addresses, String editorToken, Leaks leaks) {
        this.http = http;
        this.addresses = addresses;
        this.address = addresses.get();
        this.editorToken = editorToken;
        this.leaks = leaks;
    }

    Answer send(Request request) throws IOException {
        Answer answer = http.send(request, address);
        String what = request.method() + " " + shorten(request.target());
        if (isEditor(request)) {
            leaks.assertNoneToAnyone(what, answer);
        }
        else {
            leaks.assertNoneAnonymously(what, answer);
        }
        return answer;
    }

    /** Raw bytes on one connection; {@code $CLIENT} in them stands for this client's address. */
    List<Integer> sendWire(String wire) throws IOException {
        return http.sendWire(wire, address);
    }

    /** The request with the editor's real token. */
    Answer asEditor(Request request) throws IOException {
        return send(request.editor(editorToken));
    }

    /** Another client, from another address. */
    Client another() {
        return new Client(http, addresses, editorToken, leaks);
    }

    String address() {
        return address;
    }

    RawHttp http() {
        return http;
    }

    String editorToken() {
        return editorToken;
    }

    Leaks leaks() {
        return leaks;
    }

    private boolean isEditor(Request request) {
        return request.headers().stream().anyMatch(h -> h[0].equalsIgnoreCase("Authorization")
                && h[1].contains(editorToken));
    }

    private static String shorten(String target) {
        return target.length() > 200 ? target.substring(0, 200) + "…" : target;
    }
}
