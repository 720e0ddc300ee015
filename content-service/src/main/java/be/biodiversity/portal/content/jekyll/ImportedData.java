package be.biodiversity.portal.content.jekyll;

/** A data file (or {@code _config.yml}, as name {@code _config}) read from the repository; lang "" = default. */
record ImportedData(String name, String lang, String source, String path, String hash) {
}
