package be.biodiversity.portal.search;

/** How many matches have one value of a facet field. */
public record FacetCount(String name, long count) {
}
