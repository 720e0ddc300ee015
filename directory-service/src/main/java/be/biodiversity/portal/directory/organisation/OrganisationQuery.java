package be.biodiversity.portal.directory.organisation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import be.biodiversity.portal.directory.web.FieldProblem;
import be.biodiversity.portal.directory.web.RequestParams;
import be.biodiversity.portal.search.Folding;

/**
 * A search of the organisations: optional words ({@code q}), optional filters (all must match), the facets to count,
 * the order and one page of results.
 *
 * @param words  the folded words of {@code q}; each must begin a word of a name, acronym or city
 * @param phrase the folded words of {@code q} joined by spaces
 */
record OrganisationQuery(List<String> words, String phrase, Role role, OrganisationType type, String country,
        Boolean endorsed, Order order, Set<FacetField> facets, int offset, int limit) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_QUERY_LENGTH = RequestParams.MAX_TEXT;
    /** The longest value of a parameter that names a value of a list ({@code role}, {@code sort}, …). */
    private static final int SHORT_TEXT = 50;

    /** The order of results; without {@code q}, relevance means by name. */
    enum Order { RELEVANCE, NAME, DATASETS }

    /** The fields whose values can be counted. */
    enum FacetField { ROLE, TYPE, COUNTRY }

    /** Parses request parameters; a value that cannot be used is a 400 naming the parameter. */
    static OrganisationQuery parse(String q, String role, String type, String country, String endorsed, String sort,
            List<String> facets, int offset, int limit) {
        RequestParams.offset(offset);
        RequestParams.limit(limit);
        RequestParams.text("q", q, MAX_QUERY_LENGTH);
        RequestParams.text("role", role, SHORT_TEXT);
        RequestParams.text("type", type, SHORT_TEXT);
        RequestParams.text("country", country, SHORT_TEXT);
        RequestParams.text("endorsed", endorsed, SHORT_TEXT);
        RequestParams.text("sort", sort, SHORT_TEXT);
        RequestParams.texts("facet", facets, FacetField.values().length * 2);
        String countryCode = blankToNull(country);
        if (countryCode != null && !countryCode.matches("[A-Za-z]{2}")) {
            throw FieldProblem.badRequest("country",
                    "country must be an ISO 3166-1 alpha-2 code such as BE, not '" + country + "'");
        }
        List<String> words = Folding.words(q);
        Order order = parseEnum("sort", sort, Order.class);
        Set<FacetField> facetFields = EnumSet.noneOf(FacetField.class);
        for (String facet : facets == null ? List.<String>of() : facets) {
            for (String name : facet.split(",")) {
                FacetField field = parseEnum("facet", name, FacetField.class);
                if (field != null) {
                    facetFields.add(field);
                }
            }
        }
        return new OrganisationQuery(words, String.join(" ", words), parseEnum("role", role, Role.class),
                parseEnum("type", type, OrganisationType.class),
                countryCode == null ? null : countryCode.toUpperCase(Locale.ROOT), parseBoolean(endorsed),
                order == null ? Order.RELEVANCE : order, Set.copyOf(facetFields), offset, limit);
    }

    private static Boolean parseBoolean(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw FieldProblem.badRequest("endorsed", "endorsed must be true or false, not '" + value + "'");
        };
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
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .map(allowedName -> parameter.equals("role") || parameter.equals("type") ? allowedName
                            : allowedName.toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw FieldProblem.badRequest(parameter,
                    "Unknown " + parameter + " '" + value + "'; expected one of " + allowed);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
