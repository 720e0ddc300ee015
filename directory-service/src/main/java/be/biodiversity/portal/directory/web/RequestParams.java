package be.biodiversity.portal.directory.web;

import java.util.List;
import java.util.regex.Pattern;

import be.biodiversity.portal.problems.Shown;

/**
 * The one set of checks for what a request carries outside its body: query parameters and keys or slugs in the
 * path. A value that cannot be used is a 400 naming the parameter ({@link FieldProblem}), never a query.
 */
public final class RequestParams {

    /** The largest {@code offset} of any listing: deeper pages are not served (as GBIF's own APIs do). */
    public static final int MAX_OFFSET = 100_000;
    /** The largest {@code limit} of any listing. */
    public static final int MAX_LIMIT = 1000;
    /** The longest free text ({@code q}) a query accepts. */
    public static final int MAX_TEXT = 200;

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private RequestParams() {
    }

    /** Free text: at most {@code max} characters, no control characters, no unpaired surrogates; null stays null. */
    public static String text(String name, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw FieldProblem.badRequest(name, name + " must be at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.isISOControl(ch) || ch == '\uFFFE' || ch == '\uFFFF') {
                throw FieldProblem.badRequest(name, name + " holds the control character U+"
                        + String.format("%04X", (int) ch) + " at position " + i);
            }
            if (Character.isHighSurrogate(ch) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(ch)) {
                throw FieldProblem.badRequest(name, name + " holds an unpaired surrogate at position " + i);
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
            throw FieldProblem.badRequest(name, name + " is given " + values.size() + " times; at most " + maxValues
                    + " values are accepted");
        }
        values.forEach(value -> text(name, value, MAX_TEXT));
        return values;
    }

    /** The first result of a listing: 0 to {@link #MAX_OFFSET}. */
    public static int offset(int offset) {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw FieldProblem.badRequest("offset", "offset must be between 0 and " + MAX_OFFSET + ", not " + offset);
        }
        return offset;
    }

    /** The page size of a listing: 0 (only the count) to {@link #MAX_LIMIT}. */
    public static int limit(int limit) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw FieldProblem.badRequest("limit", "limit must be between 0 and " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }

    /** A key of an organisation or a person: a UUID in lower case, as the directory hands them out. */
    public static String key(String name, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw FieldProblem.badRequest(name, name + " must be a UUID in lower case, not '" + Shown.value(key) + "'");
        }
        return key;
    }

    /**
     * The checks of an update by key: the key of the URL, the key in the body (none, or the same), and the version
     * the client read (optimistic locking needs it).
     */
    public static String update(String key, String bodyKey, Long version) {
        key("key", key);
        if (bodyKey != null && !bodyKey.equals(key)) {
            throw FieldProblem.badRequest("key", "The key in the body ('" + Shown.value(bodyKey)
                    + "') is not the key of the URL ('" + key + "')");
        }
        if (version == null) {
            throw FieldProblem.badRequest("version", "version is required to update: send the version you read");
        }
        return key;
    }

    /** A slug: lowercase letters and digits, words joined by single hyphens, at most 100 characters. */
    public static String slug(String slug) {
        if (slug == null || slug.length() > 100 || !SLUG.matcher(slug).matches()) {
            throw FieldProblem.badRequest("slug", "slug must be lowercase letters and digits, words joined by single "
                    + "hyphens (at most 100 characters), not '" + Shown.value(slug) + "'");
        }
        return slug;
    }

    /** A value as it may be repeated in a message: short, without control characters. */
}
