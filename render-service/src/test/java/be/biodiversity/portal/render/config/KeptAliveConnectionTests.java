package be.biodiversity.portal.render.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A client that sends its next request the moment it has read an answer, on one kept-alive connection, gets every
 * answer. Reactor Netty 1.3.6 (Boot 4.0.7's) lost that race when the answer was finished on another thread than the
 * connection's (the health endpoint answers from a worker; a page from the content client's thread): the next request
 * was parked as "pipelined" and, once the queue was drained, nothing asked the connection to read again, so it sat
 * unanswered until the client gave up. {@code wrk} measured 1–16 requests/s here instead of thousands. Fixed by
 * Reactor Netty 1.3.8 (the root pom); this test fails within a few hundred requests on 1.3.6.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "portal.warm-up.enabled=false")
class KeptAliveConnectionTests {

    private static final int REQUESTS = 3000;

    @LocalServerPort
    int port;

    @Test
    void everyRequestOnAKeptAliveConnectionIsAnsweredAtOnce() throws IOException {
        byte[] request = ("GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < REQUESTS; i++) {
                out.write(request);
                out.flush();
                try {
                    assertThat(readAnswer(in)).as("answer %d", i).startsWith("HTTP/1.1 200");
                }
                catch (SocketTimeoutException ex) {
                    fail("request " + (i + 1) + " of " + REQUESTS + " on a kept-alive connection got no answer in 5 s");
                }
            }
        }
    }

    /** Reads one answer: its head up to the blank line, then as many bytes as its Content-Length says. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = text.lines()
            .filter((line) -> line.regionMatches(true, 0, "Content-Length:", 0, 15))
            .mapToInt((line) -> Integer.parseInt(line.substring(15).trim()))
            .findFirst()
            .orElseThrow(() -> new IOException("no Content-Length in " + text));
        in.readNBytes(length);
        return text;
    }
}
