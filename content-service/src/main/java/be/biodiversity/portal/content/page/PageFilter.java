package be.biodiversity.portal.content.page;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

import be.biodiversity.portal.content.web.InvalidFieldException;
import be.biodiversity.portal.content.web.RequestParams;

/**
 * A listing's filters. {@code q} matches title, description and body, ignoring case and accents (a regular
 * expression over a folded copy, so the embedded and a real MongoDB answer alike: neither needs $text).
 *
 * @param status {@code published} (default), {@code draft} or {@code any}; the last two for editors only
 * @param sort   {@code permalink} (default for pages), {@code -date} (default for posts, newest first) or {@code date}
 */
record PageFilter(String lang, String kind, String layout, String category, Integer year, String q, String status,
        String sort) {

    private static final Set<String> SORTS = Set.of("permalink", "-date", "date");
    private static final Set<String> STATUSES = Set.of(Page.PUBLISHED, Page.DRAFT, "any");

    /**
     * A value no listing knows is a 400 naming its parameter, not a listing in some other order or of nothing; text is
     * bounded and free of control characters, a year has four digits at most.
     */
    PageFilter {
        RequestParams.text("lang", lang, 20);
        RequestParams.text("kind", kind, 20);
        RequestParams.text("layout", layout, RequestParams.MAX_TEXT);
        RequestParams.text("category", category, RequestParams.MAX_TEXT);
        RequestParams.text("q", q, RequestParams.MAX_TEXT);
        RequestParams.text("status", status, 20);
        RequestParams.text("sort", sort, 20);
        RequestParams.year("year", year);
        if (sort != null && !SORTS.contains(sort)) {
            throw new InvalidFieldException("sort", "'" + sort + "' is not one of " + SORTS);
        }
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidFieldException("status", "'" + status + "' is not one of " + STATUSES);
        }
    }

    Criteria criteria() {
        Criteria c = new Criteria();
        if (lang != null) {
            c = c.and("lang").is(lang);
        }
        if (kind != null) {
            c = c.and("kind").is(kind);
        }
        if (layout != null) {
            c = c.and("layout").is(layout);
        }
        if (category != null) {
            c = c.and("categories").is(category);
        }
        if (year != null) {
            c = c.and("date").gte(LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC))
                    .lt(LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (q != null && !q.isBlank()) {
            c = c.and("searchText").regex(escape(Slugs.fold(q.strip())));
        }
        if (!"any".equals(status)) {
            c = c.and("status").is(status == null ? Page.PUBLISHED : status);
        }
        return c;
    }

    Sort order() {
        String by = sort != null ? sort : Page.POST.equals(kind) ? "-date" : "permalink";
        return switch (by) {
            case "-date" -> Sort.by(Sort.Order.desc("date"), Sort.Order.asc("permalink"));
            case "date" -> Sort.by(Sort.Order.asc("date"), Sort.Order.asc("permalink"));
            default -> Sort.by(Sort.Order.asc("permalink"), Sort.Order.asc("lang"));
        };
    }

    boolean needsEditor() {
        return status != null && !Page.PUBLISHED.equals(status);
    }

    /** Escapes regular-expression metacharacters one by one (\Q..\E is not understood by every backend). */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.toCharArray()) {
            if ("\\^$.|?*+()[]{}".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
