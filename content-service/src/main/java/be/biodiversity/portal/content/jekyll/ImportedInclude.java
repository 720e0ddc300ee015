package be.biodiversity.portal.content.jekyll;

/** A file of the repository's {@code _includes} folder: {@code _includes/figure.html} is name {@code figure.html}. */
record ImportedInclude(String name, String source, String path, String hash) {
}
