package be.biodiversity.portal.content.jekyll;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a file in {@code _posts}: Jekyll publishes only {@code YYYY-MM-DD-title.ext}; any other name is
 * never built.
 */
record PostFile(LocalDate date, String title) {

    private static final Pattern DATED = Pattern.compile("(\\d{2,4}-\\d{1,2}-\\d{1,2})-([^/]*)(\\.[^.]+)");

    static Optional<PostFile> of(String fileName) {
        Matcher m = DATED.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] ymd = m.group(1).split("-");
        try {
            return Optional.of(new PostFile(LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]),
                    Integer.parseInt(ymd[2])), m.group(2)));
        }
        catch (RuntimeException ex) {
            return Optional.empty();
        }
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }
}
