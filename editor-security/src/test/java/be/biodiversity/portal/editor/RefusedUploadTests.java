package be.biodiversity.portal.editor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real server (raw sockets: a client library would send its whole body first): an upload refused for its
 * credentials is answered after its first bytes, and the connection is closed rather than kept to read the other
 * 48 MB. A client that sent no body keeps its connection.
 */
@SpringBootTest(classes = EditorSecurityTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "portal.editor.token=the-editor-secret")
class RefusedUploadTests {

    /** How long a test waits for an answer at most: far longer than a refusal takes, far shorter than the upload. */
    static final int ANSWER_WITHIN_MILLIS = 10_000;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = { "", "Authorization: Bearer not-the-token\r\n", "Authorization: Basic ZWRpdG9yOnNlY3JldA==\r\n",
            "Authorization: Bearer \r\n" })
    void anUploadRefusedForItsCredentialsIsAnsweredAtOnceAndItsConnectionClosed(String credentials) throws IOException {
        for (String length : new String[] { "Content-Length: 48000000", "Transfer-Encoding: chunked" }) {
            try (Socket socket = new Socket("127.0.0.1", this.port)) {
                socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /things HTTP/1.1\r\nHost: x\r\n" + credentials + "Content-Type: application/json\r\n"
                        + length + "\r\n\r\n" + (length.startsWith("Transfer") ? "10000\r\n" : ""))
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(new byte[65536]);
                out.flush();
                String answer = answer(socket.getInputStream());
                assertThat(answer).as("%s with %s", credentials, length).startsWith("HTTP/1.1 401")
                        .containsIgnoringCase("connection: close");
                assertThat(closed(socket.getInputStream())).as("closed after the answer, %s", length).isTrue();
            }
        }
    }

    @Test
    void aRefusalWithoutABodyKeepsTheConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
            for (int i = 0; i < 2; i++) {
                socket.getOutputStream().write("DELETE /things HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertThat(answer(socket.getInputStream())).startsWith("HTTP/1.1 401")
                        .doesNotContainIgnoringCase("connection: close");
            }
        }
    }

    /**
     * The gateway asks {@code OPTIONS} with an upload's credentials before it reads the body (its
     * CredentialCheckFilter): a wrong token must be a 401 there, the right one anything else, and no handler runs.
     */
    @Test
    void optionsTellsWhetherATokenIsAnEditorsBeforeAnyBody() throws IOException {
        String[][] cases = { { "Bearer not-the-token", "HTTP/1.1 401" }, { "Bearer ", "HTTP/1.1 401" },
                { "Bearer the-editor-secret", "HTTP/1.1 200" } };
        for (String[] c : cases) {
            try (Socket socket = new Socket("127.0.0.1", this.port)) {
                socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
                socket.getOutputStream().write(("OPTIONS /things HTTP/1.1\r\nHost: x\r\nAuthorization: " + c[0]
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                assertThat(answer(socket.getInputStream())).as(c[0]).startsWith(c[1]);
            }
        }
    }

    /** Head and body of one answer (its body as long as its {@code Content-Length}). */
    private static String answer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            assertThat(b).as("an answer before the body was sent; so far: %s", head).isNotNegative();
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int remaining = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(remaining), StandardCharsets.UTF_8);
    }

    /** The server ended the connection: end of stream or a reset, not a read that waits for more. */
    private static boolean closed(InputStream in) {
        try {
            return in.read() < 0;
        }
        catch (SocketTimeoutException stillOpen) {
            return false;
        }
        catch (IOException reset) {
            return true;
        }
    }
}
