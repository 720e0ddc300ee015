package be.biodiversity.portal.render.collection;

import java.util.List;

import be.biodiversity.portal.render.gbif.SearchAnswer;

/**
 * Our view of GRSciColl's collections and institutions ({@code /grscicoll/collection}, {@code /grscicoll/institution}
 * and their {@code /{key}}): the fields both have, and the institution of a collection.
 */
record Grscicoll(String key, String code, String name, String description, String institutionKey,
        String institutionName, List<String> types, List<String> contentTypes, Address address,
        Address mailingAddress, String homepage, List<String> email, List<String> phone, Long numberSpecimens,
        Boolean active) {

    record Address(String address, String city, String postalCode, String province, String country) {
    }

    String city() {
        Address where = address != null && address.city() != null ? address : mailingAddress;
        return where == null ? null : where.city();
    }

    /** An answer of the collection or institution search; GRSciColl has no facets. */
    record Page(long offset, int limit, boolean endOfRecords, long count, List<Grscicoll> results)
            implements SearchAnswer {
    }
}
