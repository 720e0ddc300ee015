package be.biodiversity.portal.content.resolve;

/** A heading of the resolved page: its level (2 for {@code ##}), its id (the anchor) and its text. */
public record TocEntry(int level, String id, String text) {
}
