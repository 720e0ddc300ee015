package be.biodiversity.portal.render.compose;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import be.biodiversity.portal.render.site.SafeUrls;

/**
 * The side menu of a page with {@code sideNavigation: sideNavigation.guides}: the groups of the site data it names,
 * each with its {@code grouptitle} and links ({@code title}, {@code path}), a link nesting a {@code section} under its
 * {@code sectiontitle}, as the theme's documentation layout shows them.
 */
public record SideNavigation(List<Group> groups) {

    static final SideNavigation NONE = new SideNavigation(List.of());

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** @param title may be null */
    public record Group(String title, List<Link> links) {
    }

    /** @param href null for a section heading; {@code current}: the page shown */
    public record Link(String text, String href, boolean current, List<Link> children) {
    }

    static SideNavigation of(JsonNode data, String path) {
        List<Group> groups = new ArrayList<>();
        if (data == null || !data.isArray()) {
            return NONE;
        }
        for (JsonNode group : data) {
            List<Link> links = links(group.get("content"), path, 0);
            if (!links.isEmpty()) {
                groups.add(new Group(text(group, "grouptitle"), links));
            }
        }
        return new SideNavigation(groups);
    }

    private static List<Link> links(JsonNode tree, String path, int depth) {
        List<Link> links = new ArrayList<>();
        if (tree == null || !tree.isArray() || depth > 4) {
            return links;
        }
        for (JsonNode item : tree) {
            String section = text(item, "sectiontitle");
            if (section != null) {
                List<Link> children = links(item.get("section"), path, depth + 1);
                links.add(new Link(section, null, children.stream().anyMatch(Link::current), children));
                continue;
            }
            String href = SafeUrls.link(text(item, "path"));
            String title = text(item, "title");
            if (href != null && title != null) {
                links.add(new Link(title, href, href.replaceAll("(\\.html|/)$", "").equals(path), List.of()));
            }
        }
        return links;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asString().isBlank() ? null
                : value.asString().strip();
    }
}
