package be.biodiversity.portal.system.hostile;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the APIs say about the data, to tell whether a request changed it: content-service's site revision
 * (it grows on every write of a page, post, data file or literature record) and directory-service's
 * organisations and people (each carries its version and modification time).
 */
final class Snapshot {

    private static final String[] READS = { "/api/content/v1/revision",
            "/api/directory/v1/organisations?limit=1000&sort=name", "/api/directory/v1/people?limit=1000" };

    private final RawHttp http;
    private final Supplier<String> addresses;
    private Map<String, String> last;

    Snapshot(RawHttp http, Supplier<String> addresses) {
        this.http = http;
        this.addresses = addresses;
    }

    /** The data now; the last snapshot taken is reused as long as nothing was meant to change it. */
    Map<String, String> current() throws IOException {
        if (last == null) {
            last = take();
        }
        return last;
    }

    /** Fails if the data differs from {@code before}. */
    void assertUnchangedSince(Map<String, String> before) throws IOException {
        Map<String, String> after = take();
        last = after;
        before.forEach((read, body) -> assertThat(after.get(read)).as("data read by GET %s changed", read)
                .isEqualTo(body));
    }

    /** Something was written on purpose: the next case starts from a fresh snapshot. */
    void forget() {
        last = null;
    }

    private Map<String, String> take() throws IOException {
        Map<String, String> reads = new LinkedHashMap<>();
        String client = addresses.get();
        for (String read : READS) {
            Answer answer = http.send(Request.get(read), client);
            assertThat(answer.status()).as("GET %s for the snapshot: %s", read, answer).isEqualTo(200);
            reads.put(read, answer.text());
        }
        return reads;
    }
}
