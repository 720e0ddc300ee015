package be.biodiversity.portal.content.web;

import java.util.List;
import java.util.regex.Pattern;

import be.biodiversity.portal.problems.Shown;

/**
 * The one set of checks for what a request carries outside its body: query parameters and ids in the path. A value
 * that cannot be used is a 400 naming the parameter ({@link InvalidFieldException}), never a query that fails later.
 */
public final class RequestParams {

    /** The largest {@code offset} of any listing: deeper pages are not served (as GBIF's own APIs do). */
    public static final long MAX_OFFSET = 100_000;
    /** The largest {@code limit} of any listing. */
    public static final int MAX_LIMIT = 1000;
    /** The longest free text ({@code q}, a category, a layout) a query accepts. */
    public static final int MAX_TEXT = 200;
    /** Years as the portal stores and shows them (four digits). */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    /** A page id: the 24 hexadecimal digits MongoDB gives every page. */
    private static final Pattern PAGE_ID = Pattern.compile("[0-9a-fA-F]{24}");
    /** A literature id (GBIF's are UUIDs; imports may bring other short names): letters, digits, {@code . _ : -}. */
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private RequestParams() {
    }

    /** Free text: at most {@code max} characters, no control characters, no unpaired surrogates; null stays null. */
    public static String text(String name, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidFieldException(name, "is " + value.length() + " characters long; at most " + max
                    + " are accepted");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.isISOControl(ch) || ch == '\uFFFE' || ch == '\uFFFF') {
                throw new InvalidFieldException(name, "holds the control character U+"
                        + String.format("%04X", (int) ch) + " at position " + i);
            }
            if (Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(ch)) {
                throw new InvalidFieldException(name, "holds an unpaired surrogate at position " + i);
            }
        }
        return value;
    }

    /** Every value of a repeatable parameter, each checked as {@link #text}; at most {@code maxValues} of them. */
    public static List<String> texts(String name, List<String> values, int maxValues) {
        if (values == null) {
            return null;
        }
        if (values.size() > maxValues) {
            throw new InvalidFieldException(name, "is given " + values.size() + " times; at most " + maxValues
                    + " values are accepted");
        }
        values.forEach(value -> text(name, value, MAX_TEXT));
        return values;
    }

    /** The first result of a listing: 0 to {@link #MAX_OFFSET}. */
    public static long offset(long offset) {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new InvalidFieldException("offset", offset + " is not between 0 and " + MAX_OFFSET);
        }
        return offset;
    }

    /** The page size of a listing: {@code min} (0 or 1) to {@link #MAX_LIMIT}. */
    public static int limit(int limit, int min) {
        if (limit < min || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", limit + " is not between " + min + " and " + MAX_LIMIT);
        }
        return limit;
    }

    /** A year between {@link #MIN_YEAR} and {@link #MAX_YEAR}; null stays null. */
    public static Integer year(String name, Integer year) {
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            throw new InvalidFieldException(name, year + " is not a year between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return year;
    }

    /** A version or revision number: 0 or more. */
    public static long version(String name, long version) {
        if (version < 0) {
            throw new InvalidFieldException(name, version + " is not a version (0 or more)");
        }
        return version;
    }

    /** A page id as the API hands them out. */
    public static String pageId(String id) {
        if (id == null || !PAGE_ID.matcher(id).matches()) {
            throw new InvalidFieldException("id", "'" + Shown.value(id) + "' is not a page id (24 hexadecimal digits)");
        }
        return id;
    }

    /** Whether a literature record id is acceptable, as {@link #recordId} checks it. */
    public static boolean isRecordId(String id) {
        return id != null && RECORD_ID.matcher(id).matches();
    }

    /** A literature record id: 1 to 100 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}. */
    public static String recordId(String name, String id) {
        if (!isRecordId(id)) {
            throw new InvalidFieldException(name, "'" + Shown.value(id)
                    + "' is not a record id (1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit)");
        }
        return id;
    }

    /** A value as it may be repeated in a message: short, without control characters. */
}
