package be.biodiversity.portal.system.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately naive HTTP/1.1 client on a plain socket: it sends the request's bytes as they are (no
 * normalising, no encoding, no refusal) and reads the answer until the server closes the connection
 * ({@code Connection: close}). The JDK's client would refuse most hostile requests before sending them.
 */
final class RawHttp {

    /** A case that gets no answer in this time has failed: the portal must answer hostile input quickly. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final String host;
    private final int port;
    private final String clientHeader;

    RawHttp(URI gateway, String clientHeader) {
        this.host = gateway.getHost();
        this.port = gateway.getPort();
        this.clientHeader = clientHeader;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** Sends the request as the client with that address (the gateway's rate limits count per client). */
    Answer send(Request request, String client) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        boolean ownHost = request.headers().stream().anyMatch(h -> h[0].equalsIgnoreCase("Host"));
        latin1(wire, request.method() + " " + request.target() + " HTTP/1.1\r\n");
        if (!ownHost) {
            latin1(wire, "Host: " + host + ":" + port + "\r\n");
        }
        latin1(wire, "Connection: close\r\n" + clientHeader + ": " + client + "\r\n");
        for (String[] header : request.headers()) {
            latin1(wire, header[0] + ": " + header[1] + "\r\n");
        }
        if (request.body() != null) {
            latin1(wire, "Content-Length: " + request.body().length + "\r\n");
        }
        latin1(wire, "\r\n");
        if (request.body() != null) {
            wire.write(request.body());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
            long start = System.nanoTime();
            try {
                OutputStream out = socket.getOutputStream();
                out.write(wire.toByteArray());
                out.flush();
            }
            catch (IOException refusedMidway) {
                // A server may answer (413, 431) and close before it has read everything: read that answer.
            }
            byte[] raw = readAll(socket.getInputStream());
            return parse(raw, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * Sends bytes that are not one well-formed request (smuggling attempts) from the client, with {@code $CLIENT} in
     * them replaced by its address, and answers the status of every answer that came back on the connection.
     */
    List<Integer> sendWire(String wire, String client) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
            socket.getOutputStream().write(wire.replace("$CLIENT", client).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answers = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            List<Integer> statuses = new ArrayList<>();
            java.util.regex.Matcher status = java.util.regex.Pattern.compile("(?m)^HTTP/1\\.[01] (\\d{3})").matcher(answers);
            while (status.find()) {
                statuses.add(Integer.parseInt(status.group(1)));
            }
            return statuses;
        }
        catch (java.net.SocketTimeoutException ex) {
            throw new IOException("no end of the answers within " + ANSWER_TIMEOUT, ex);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) >= 0;) {
                all.write(buffer, 0, n);
            }
        }
        catch (java.net.SocketException reset) {
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    static Answer parse(byte[] raw, Duration elapsed) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("No HTTP answer (" + raw.length + " bytes): "
                    + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body, elapsed);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer: for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void latin1(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
