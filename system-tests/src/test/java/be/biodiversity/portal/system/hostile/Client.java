package be.biodiversity.portal.system.hostile;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/** A client of the portal as a case sees it: its own address, so its own rate-limit budgets. */
final class Client {

    private final RawHttp http;
    private final Supplier<String> addresses;
    private final String address;
    private final String editorToken;

    Client(RawHttp http, Supplier<String> addresses, String editorToken) {
        this.http = http;
        this.addresses = addresses;
        this.address = addresses.get();
        this.editorToken = editorToken;
    }

    Answer send(Request request) throws IOException {
        return http.send(request, address);
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
        return new Client(http, addresses, editorToken);
    }
}
