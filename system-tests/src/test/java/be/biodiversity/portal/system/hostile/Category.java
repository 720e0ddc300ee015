package be.biodiversity.portal.system.hostile;

/** The kinds of hostile input, in the order the summary lists them. */
enum Category {

    MALFORMED_BODY("Malformed, huge, deeply nested and awkward bodies"),
    INVALID_UTF8("Invalid UTF-8 in paths and query strings"),
    PATH_TRAVERSAL("Path traversal"),
    HEADER_INJECTION("Header injection and oversized headers"),
    STORED_XSS("Stored XSS"),
    REFLECTED_XSS("Reflected XSS"),
    REGEX_BOMB("Regular-expression bombs in search"),
    QUERY_PARAMETERS("Unknown and repeated query parameters"),
    PAGING("Page sizes and offsets"),
    TOKENS("Missing, empty and wrong editor tokens"),
    TOKEN_GUESSING("Token guessing");

    final String title;

    Category(String title) {
        this.title = title;
    }
}
