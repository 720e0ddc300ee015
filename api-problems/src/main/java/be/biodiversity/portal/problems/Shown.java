package be.biodiversity.portal.problems;

/** A value from a request as an error message may quote it: at most 60 characters, no control characters. */
public final class Shown {

    private Shown() {
    }

    public static String value(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return cut.codePoints().map(c -> Character.isISOControl(c) || (c >= 0xD800 && c <= 0xDFFF) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
