package be.biodiversity.portal.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one spelling of a page path, so that every page has exactly one URL (and one page-cache key). From the path
 * as sent: percent-escapes decoded (they must be UTF-8), empty and {@code .} segments dropped, {@code ..} applied,
 * no trailing slash; then each segment written again with ASCII letters, digits, {@code -._~} and
 * {@code !$&'()*+,=:@} as they are and every other byte as an upper-case {@code %XX} escape (UTF-8). A path that
 * cannot name a page is refused: a control character, whitespace, a slash or backslash inside a segment
 * ({@code %2F}, {@code %5C}), a broken escape, bytes that are not UTF-8, or characters outside ASCII sent unescaped.
 *
 * @param canonical the canonical spelling, or {@code null} when refused
 * @param refusal why the path was refused, or {@code null}
 */
public record PagePath(String canonical, String refusal) {

    private static final String LITERAL_PUNCTUATION = "-._~!$&'()*+,=:@";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The canonical spelling of {@code raw}, a request path as sent (percent-encoded), or why it is refused. */
    public static PagePath of(String raw) {
        List<String> segments = new ArrayList<>();
        for (String segment : raw.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            String decoded;
            try {
                decoded = decode(segment);
            }
            catch (IllegalArgumentException ex) {
                return new PagePath(null, ex.getMessage());
            }
            String problem = problem(decoded);
            if (problem != null) {
                return new PagePath(null, problem);
            }
            if (decoded.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            }
            else if (!decoded.equals(".")) {
                segments.add(decoded);
            }
        }
        return new PagePath(join(segments), null);
    }

    /**
     * The canonical spelling of a path given decoded, as content-service stores permalinks ({@code /nl/über}):
     * what the page cache keys its copy by. Segments are not resolved or checked.
     */
    public static String ofDecoded(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return join(segments);
    }

    public boolean refused() {
        return this.refusal != null;
    }

    private static String join(List<String> segments) {
        if (segments.isEmpty()) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/');
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xFF);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || LITERAL_PUNCTUATION.indexOf(c) >= 0) {
                    path.append(c);
                }
                else {
                    path.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
            }
        }
        return path.toString();
    }

    private static String decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                int high = (i + 2 < segment.length()) ? Character.digit(segment.charAt(i + 1), 16) : -1;
                int low = (high >= 0) ? Character.digit(segment.charAt(i + 2), 16) : -1;
                if (low < 0) {
                    throw new IllegalArgumentException("A % in the path is not followed by two hexadecimal digits.");
                }
                bytes.write(high * 16 + low);
                i += 2;
            }
            else if (c >= 0x80) {
                throw new IllegalArgumentException("Characters outside ASCII are sent percent-encoded (UTF-8).");
            }
            else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        }
        catch (CharacterCodingException ex) {
            throw new IllegalArgumentException("The path's percent-escapes are not UTF-8.");
        }
    }

    private static String problem(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                return "The path holds a control character.";
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "The path holds whitespace.";
            }
            if (c == '/' || c == '\\') {
                return "The path holds an encoded slash or a backslash inside a segment.";
            }
        }
        return null;
    }
}
