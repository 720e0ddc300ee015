package be.biodiversity.portal.gateway.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import be.biodiversity.portal.gateway.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Raw sockets against the public port, from different loopback addresses (127.0.0.x) standing for different
 * clients. Connections are held open on purpose; each test closes its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.server.header-timeout=300ms", "portal.server.max-connections-per-client=3",
        "portal.server.max-connections=6", "portal.page-cache.enabled=false" })
class ConnectionLimitsTests {

    static final StubService render = new StubService("render");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("portal.render.url", render::url);
        registry.add("portal.content.url", render::url);
        registry.add("portal.directory.url", render::url);
    }

    @AfterAll
    static void stop() {
        render.stop();
    }

    @Test
    void aConnectionThatSendsHalfAHeaderIsClosedAfterTheHeaderTimeout() throws IOException {
        try (Socket slow = connect(this.port, "127.0.0.11"); Socket silent = connect(this.port, "127.0.0.11")) {
            slow.getOutputStream().write("GET /nl/community HTTP/1.1\r\nHost: portal\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            slow.setSoTimeout(5000);
            silent.setSoTimeout(5000);
            assertThat(slow.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
            assertThat(silent.getInputStream().read()).as("a connection that sends nothing too").isEqualTo(-1);
        }
        try (Socket prompt = connect(this.port, "127.0.0.11")) {
            assertThat(get(prompt, "/nl/community")).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aKeptAliveConnectionIsNotClosedWhileIdleButItsNextHeaderHasADeadlineToo() throws IOException {
        try (Socket socket = connect(this.port, "127.0.0.12")) {
            assertThat(get(socket, "/nl/one")).startsWith("HTTP/1.1 200");
            assertThat(get(socket, "/nl/two")).startsWith("HTTP/1.1 200");
            socket.getOutputStream().write("GET /nl/three HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(5000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void oneAddressGetsAtMostItsShareOfConnections() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = connect(this.port, "127.0.0.13");
                held.add(socket);
                assertThat(get(socket, "/nl/held")).startsWith("HTTP/1.1 200");
            }
            try (Socket fourth = connect(this.port, "127.0.0.13")) {
                fourth.setSoTimeout(5000);
                assertThat(answerOrClosed(fourth)).as("the 4th connection from one address is closed").isNull();
            }
            try (Socket other = connect(this.port, "127.0.0.14")) {
                assertThat(get(other, "/nl/other")).startsWith("HTTP/1.1 200");
            }
        }
        finally {
            closeAll(held);
        }
    }

    @Test
    void healthOnTheManagementPortAnswersWhileThePublicPortIsFull() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Socket socket = connect(this.port, "127.0.0." + (20 + i % 3));
                held.add(socket);
                socket.setSoTimeout(5000);
                assertThat(get(socket, "/nl/full")).startsWith("HTTP/1.1 200");
            }
            try (Socket seventh = connect(this.port, "127.0.0.30")) {
                seventh.setSoTimeout(5000);
                assertThat(answerOrClosed(seventh)).as("refused while the port is full").isNull();
            }

            try (Socket probe = connect(this.managementPort, "127.0.0.30")) {
                probe.setSoTimeout(5000);
                assertThat(get(probe, "/actuator/health")).startsWith("HTTP/1.1 200").contains("UP");
            }

            held.remove(0).close();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                try (Socket next = connect(this.port, "127.0.0.30")) {
                    assertThat(get(next, "/nl/next")).as("accepted once a connection closed").startsWith("HTTP/1.1 200");
                }
            });
        }
        finally {
            closeAll(held);
        }
    }

    @Test
    void theManagementPortRunsOnItsOwnEventLoop() throws IOException {
        try (Socket probe = connect(this.managementPort, "127.0.0.31")) {
            assertThat(get(probe, "/actuator/health")).startsWith("HTTP/1.1 200");
        }
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .anyMatch(name -> name.startsWith("management-http"));
    }

    private static Socket connect(int port, String from) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(from), 0);
    }

    private static String get(Socket socket, String path) throws IOException {
        send(socket, path);
        socket.setSoTimeout(5000);
        return read(socket);
    }

    private static void send(Socket socket, String path) throws IOException {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: portal\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** The answer's head and the body this stub sends (its Content-Length), read up to that length. */
    private static String read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) c);
        }
        var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int body = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(body), StandardCharsets.UTF_8);
    }

    private static String answerOrClosed(Socket socket) {
        try {
            send(socket, "/nl/fourth");
            int c = socket.getInputStream().read();
            return c < 0 ? null : String.valueOf((char) c);
        }
        catch (IOException ex) {
            return null;
        }
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
