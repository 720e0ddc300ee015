package be.biodiversity.portal.system.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the gateway answered: status, headers (names in lower case), body, and how long it took. */
record Answer(int status, Map<String, List<String>> headers, byte[] body, Duration elapsed) {

    Optional<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()).stream().findFirst();
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean isHtml() {
        return header("content-type").map(type -> type.startsWith("text/html")).orElse(false);
    }

    @Override
    public String toString() {
        String text = text().replaceAll("\\s+", " ");
        return status + " in " + elapsed.toMillis() + " ms" + (text.isEmpty() ? ""
                : ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
    }
}
