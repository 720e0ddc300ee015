package be.biodiversity.portal.content.page;

/** A category of the published posts of a language, and how many posts it has. */
record PostCategory(String name, long count) {
}
