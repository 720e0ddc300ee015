package be.biodiversity.portal.directory.organisation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import be.biodiversity.portal.directory.web.FieldProblem;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** A search of the organisation list: optional filters (all must match) and one page of results. */
record OrganisationQuery(Role role, OrganisationType type, String country, int offset, int limit) {

    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 20;

    /** Parses request parameters; a value that cannot be used is a 400 naming the parameter. */
    static OrganisationQuery parse(String role, String type, String country, int offset, int limit) {
        if (offset < 0) {
            throw FieldProblem.badRequest("offset", "offset must be 0 or more, not " + offset);
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw FieldProblem.badRequest("limit", "limit must be between 0 and " + MAX_LIMIT + ", not " + limit);
        }
        String countryCode = blankToNull(country);
        if (countryCode != null && !countryCode.matches("[A-Za-z]{2}")) {
            throw FieldProblem.badRequest("country",
                    "country must be an ISO 3166-1 alpha-2 code such as BE, not '" + country + "'");
        }
        return new OrganisationQuery(parseEnum("role", role, Role.class),
                parseEnum("type", type, OrganisationType.class),
                countryCode == null ? null : countryCode.toUpperCase(Locale.ROOT), offset, limit);
    }

    /** The filter, without paging. */
    Query filter() {
        Criteria criteria = new Criteria();
        if (role != null) {
            criteria = criteria.and("roles").is(role);
        }
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        if (country != null) {
            criteria = criteria.and("country").is(country);
        }
        return Query.query(criteria);
    }

    /** The filter with this page, sorted by English name (then key, so pages never overlap). */
    Query page() {
        return filter().with(Sort.by("sortName", "key")).skip(offset).limit(limit);
    }

    private static <E extends Enum<E>> E parseEnum(String parameter, String value, Class<E> type) {
        String name = blankToNull(value);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw FieldProblem.badRequest(parameter,
                    "Unknown " + parameter + " '" + value + "'; expected one of " + allowed);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
