package be.biodiversity.portal.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the character references a template engine writes back into text, to compare with API data. */
final class Html {

    private static final Pattern REFERENCE = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    private Html() {
    }

    static String unescape(String html) {
        Matcher m = REFERENCE.matcher(html);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String replacement = switch (ref) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(ref.startsWith("#x") || ref.startsWith("#X")
                        ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1)));
            };
            m.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(text).toString();
    }
}
