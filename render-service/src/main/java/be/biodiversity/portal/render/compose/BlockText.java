package be.biodiversity.portal.render.compose;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

import be.biodiversity.portal.render.page.Markdown;
import be.biodiversity.portal.render.site.SafeUrls;

/** Turns the theme's block data (title, description, features, background, cta) into block views. */
@Component
class BlockText {

    private final Markdown markdown;

    BlockText(Markdown markdown) {
        this.markdown = markdown;
    }

    BlockView features(JsonNode data) {
        List<BlockView.Card> cards = new ArrayList<>();
        JsonNode features = data.get("features");
        if (features != null && features.isArray()) {
            for (JsonNode feature : features) {
                cards.add(new BlockView.Card(text(feature, "title"),
                        markdown.toHtmlWithoutRawHtml(text(feature, "description")),
                        SafeUrls.image(text(feature, "background")), SafeUrls.link(text(feature, "href"))));
            }
        }
        return new BlockView("features", text(data, "title"), description(data), cards, null, null, false,
                List.of());
    }

    BlockView split(JsonNode data) {
        List<BlockView.Button> buttons = new ArrayList<>();
        JsonNode cta = data.get("cta");
        if (cta != null && cta.isArray()) {
            for (JsonNode button : cta) {
                String href = SafeUrls.link(text(button, "href"));
                if (href != null && text(button, "text") != null) {
                    buttons.add(new BlockView.Button(text(button, "text"), href,
                            button.get("isPrimary") != null && button.get("isPrimary").asBoolean()));
                }
            }
        }
        JsonNode reverse = data.get("reverse");
        return new BlockView("split", text(data, "title"), description(data), List.of(),
                SafeUrls.image(text(data, "background")), markdown.toInlineHtml(text(data, "imageLicense")),
                reverse != null && reverse.asBoolean(), buttons);
    }

    private String description(JsonNode data) {
        String description = text(data, "description");
        return description == null ? null : markdown.toHtmlWithoutRawHtml(description);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }
}
