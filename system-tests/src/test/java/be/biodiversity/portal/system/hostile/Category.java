package be.biodiversity.portal.system.hostile;

/** The kinds of hostile input, in the order the summary lists them (and the suite runs them). */
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
    TOKEN_GUESSING("Token guessing"),
    // Issues #11 and #18: variants of what two outside probes found.
    FILE_DISCLOSURE("Server files, environment and internal addresses (Liquid includes, errors)"),
    DRAFTS("Drafts through every read path without the token"),
    PARAMETER_VALIDATION("Odd parameters on every API: no 500, honest paging"),
    NOSQL_OPERATORS("NoSQL operators in bodies and parameters: nothing leaked or changed"),
    RESERVED_PATHS("Pages at the portal's own paths"),
    PATH_SPELLINGS("Junk spellings of a page"),
    REMOVED_PAGES("Deleted, unpublished and moved pages"),
    EDITOR_LOCKOUT("Cross-site and form-encoded writes; editors never locked out"),
    URL_POLICY("Links from content and directory that leave the site"),
    XML_OUTPUT("Feeds and sitemap stay well-formed XML"),
    AMPLIFICATION("Repeated filters and search-page budgets"),
    PERSONAL_DATA("Personal data in anonymous answers"),
    CACHE_FLOOD("The page cache after a flood of junk URLs"),
    CONNECTIONS("Slow and half-sent requests, uploads without credentials"),
    // Last: where a budget is missing, the portal may not survive these.
    EVALUATION_BUDGETS("Hostile Liquid, YAML expansion and huge numbers");

    final String title;

    Category(String title) {
        this.title = title;
    }
}
