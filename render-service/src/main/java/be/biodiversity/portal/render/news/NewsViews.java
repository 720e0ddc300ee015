package be.biodiversity.portal.render.news;

import java.util.List;

/** What the news parts of a page show. */
public final class NewsViews {

    private NewsViews() {
    }

    /**
     * A post as a card in a list, as the theme's archive shows it: image, date, title, excerpt (its description,
     * else the text of its first paragraph, cut after 30 words), author and categories.
     *
     * @param image  a safe image URL, or null
     * @param author may be null
     */
    public record Card(String title, String href, String date, String description, String image, String author,
            List<CategoryLink> categories) {
    }

    public record CategoryLink(String name, String href, boolean current) {
    }

    /**
     * The archive: posts of the page's language, newest first, filtered by {@code category}.
     *
     * @param available false when content-service could not list the posts: a notice is shown instead
     */
    public record Archive(boolean available, List<CategoryLink> categories, String allHref, boolean filtered,
            List<Card> posts, String previousHref, String nextHref, List<PageLink> pages) {
    }

    /**
     * A numbered link of the archive's pager.
     *
     * @param number  null for a gap between numbers (an ellipsis)
     * @param current the page shown
     */
    public record PageLink(Long number, String href, boolean current) {
    }

    /** What a post page shows besides its text. */
    public record Post(String date, List<CategoryLink> categories, List<Card> related, boolean relatedAvailable) {
    }
}
