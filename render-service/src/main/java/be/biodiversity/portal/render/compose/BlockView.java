package be.biodiversity.portal.render.compose;

import java.util.List;

/**
 * One block of a composed page, as the hosted-portal theme names them. {@code type} tells the template which
 * fields to show.
 *
 * @param type            {@code pageMarkdown}, {@code features}, {@code split} or {@code stats}
 * @param title           the block's heading, may be null
 * @param descriptionHtml the block's text (markdown made HTML), may be null
 * @param cards           features: one card each; stats: one figure each
 * @param imageUrl        split: the image beside the text
 * @param imageCreditHtml split: the image's credit
 * @param buttons         split: call-to-action buttons
 */
public record BlockView(String type, String title, String descriptionHtml, List<Card> cards, String imageUrl,
        String imageCreditHtml, boolean reverse, List<Button> buttons) {

    /** A card: a feature, or a figure of the stats block (its title is then the formatted number). */
    public record Card(String title, String descriptionHtml, String imageUrl, String href) {
    }

    public record Button(String text, String href, boolean primary) {
    }

    BlockView withType(String other) {
        return new BlockView(other, title, descriptionHtml, cards, imageUrl, imageCreditHtml, reverse, buttons);
    }

    static BlockView markdown() {
        return new BlockView("pageMarkdown", null, null, List.of(), null, null, false, List.of());
    }
}
