package be.biodiversity.portal.system.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Script in the forms that get through naive escaping: tags, attribute break-outs, script URLs. */
final class Payloads {

    static final String SCRIPT = "<script>alert('xss')</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String SVG = "'><svg onload=alert(1)>";
    static final String ATTRIBUTE = "\" onmouseover=\"alert(1)";
    static final String TITLE = "</title><script>alert(1)</script>";
    static final String LINK = "<a href=\"javascript:alert(1)\">x</a>";
    static final String URL = "javascript:alert(1)";

    static final List<String> ALL = List.of(SCRIPT, IMG, SVG, ATTRIBUTE, TITLE, LINK, URL);

    private Payloads() {
    }

    static String[] all() {
        return ALL.toArray(String[]::new);
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The text as a JSON string literal. */
    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
