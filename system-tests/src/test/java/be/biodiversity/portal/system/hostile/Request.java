package be.biodiversity.portal.system.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 request exactly as it goes on the wire. The target and header values are taken byte for byte
 * (each char is one byte, ISO-8859-1), so a case can send what no well-behaved client would: raw bytes that are
 * not UTF-8, backslashes, unencoded quotes.
 */
record Request(String method, String target, List<String[]> headers, byte[] body) {

    static Request get(String target) {
        return new Request("GET", target, List.of(), null);
    }

    static Request of(String method, String target) {
        return new Request(method, target, List.of(), null);
    }

    Request header(String name, String value) {
        List<String[]> more = new ArrayList<>(headers);
        more.add(new String[] { name, value });
        return new Request(method, target, List.copyOf(more), body);
    }

    Request editor(String token) {
        return header("Authorization", "Bearer " + token);
    }

    Request json(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Request body(String contentType, byte[] bytes) {
        return new Request(method, target, headers, bytes).header("Content-Type", contentType);
    }
}
