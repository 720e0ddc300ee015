package be.biodiversity.portal.render.compose;

import java.util.List;

/**
 * One block of a composed page, as the hosted-portal theme names them. {@code type} tells the template which
 * fields to show.
 *
 * @param type            {@code pageMarkdown}, {@code features}, {@code split}, {@code stats}, {@code stories},
 *                        {@code latestPosts}, {@code people} or {@code organisations}
 * @param title           the block's heading, may be null
 * @param descriptionHtml the block's text (markdown made HTML), may be null
 * @param cards           features, latest posts, people, organisations: one card each; stats: one figure each
 * @param imageUrl        split: the image beside the text
 * @param imageCreditHtml split: the image's credit
 * @param buttons         split: call-to-action buttons; stories, latest posts: the link to more
 * @param former          people: former staff, shown after the current ones
 * @param unavailable     the block's provider could not be asked: a notice is shown in place of its cards
 */
public record BlockView(String type, String title, String descriptionHtml, List<Card> cards, String imageUrl,
        String imageCreditHtml, boolean reverse, List<Button> buttons, List<Card> former, boolean unavailable) {

    BlockView(String type, String title, String descriptionHtml, List<Card> cards, String imageUrl,
            String imageCreditHtml, boolean reverse, List<Button> buttons) {
        this(type, title, descriptionHtml, cards, imageUrl, imageCreditHtml, reverse, buttons, List.of(), false);
    }

    /**
     * A card: a feature, a post, a person, an organisation, or a figure of the stats block (its title is then
     * the formatted number).
     *
     * @param preTitle a post's date, a person's roles; may be null
     * @param initials shown in place of the image when there is none (people, organisations); may be null
     * @param lang     the card's language when it is not the page's (a post in the default language), else null
     * @param imageCreditHtml a feature's image credit ({@code imageLicense}, inline markdown), shown with its image;
     *                 may be null
     */
    public record Card(String title, String descriptionHtml, String imageUrl, String href, String preTitle,
            String initials, String lang, String imageCreditHtml) {

        public Card(String title, String descriptionHtml, String imageUrl, String href) {
            this(title, descriptionHtml, imageUrl, href, null, null, null);
        }

        public Card(String title, String descriptionHtml, String imageUrl, String href, String preTitle,
                String initials, String lang) {
            this(title, descriptionHtml, imageUrl, href, preTitle, initials, lang, null);
        }
    }

    public record Button(String text, String href, boolean primary) {
    }

    BlockView withType(String other) {
        return new BlockView(other, title, descriptionHtml, cards, imageUrl, imageCreditHtml, reverse, buttons,
                former, unavailable);
    }

    static BlockView markdown() {
        return new BlockView("pageMarkdown", null, null, List.of(), null, null, false, List.of());
    }

    /** A block of this type whose provider failed: its heading (if any) and a notice. */
    static BlockView unavailable(String type, BlockIntro intro) {
        return new BlockView(type, intro.title(), intro.descriptionHtml(), List.of(), null, null, false, List.of(),
                List.of(), true);
    }
}
