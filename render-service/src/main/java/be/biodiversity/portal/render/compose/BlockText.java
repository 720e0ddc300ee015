package be.biodiversity.portal.render.compose;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import be.biodiversity.portal.render.text.Markdown;
import be.biodiversity.portal.render.site.SafeUrls;

/** Turns the theme's block data (title, description, features, background, cta) into block views. */
@Component
class BlockText {

    private final Markdown markdown;

    BlockText(Markdown markdown) {
        this.markdown = markdown;
    }

    /** The heading and text a block's entry or site data give. */
    BlockIntro intro(BlockOptions options) {
        String description = options.text("description");
        return new BlockIntro(options.text("title"),
                description == null ? null : markdown.toHtmlWithoutRawHtml(description));
    }

    /** Markdown from a provider (a bio), raw HTML in it dropped; null stays null. */
    String prose(String text) {
        return text == null || text.isBlank() ? null : markdown.toHtmlWithoutRawHtml(text);
    }

    BlockView features(JsonNode data) {
        List<BlockView.Card> cards = new ArrayList<>();
        JsonNode features = data.get("features");
        if (features != null && features.isArray()) {
            for (JsonNode feature : features) {
                String image = SafeUrls.image(text(feature, "background"));
                // the theme shows a feature's image credit on its image (featureImage: imageLicense, markdownified)
                cards.add(new BlockView.Card(text(feature, "title"),
                        markdown.toHtmlWithoutRawHtml(text(feature, "description")), image,
                        SafeUrls.link(text(feature, "href")), null, null, null,
                        image == null ? null : markdown.toInlineHtml(text(feature, "imageLicense"))));
            }
        }
        return new BlockView("features", text(data, "title"), description(data), cards, null, null, false,
                List.of());
    }

    /** The theme's {@code blank} and {@code markdown} blocks: their {@code markdownContent}, raw HTML dropped. */
    BlockView prose(JsonNode data) {
        String text = text(data, "markdownContent");
        return text == null || text.isBlank() ? null
                : new BlockView("prose", null, markdown.toHtmlWithoutRawHtml(text), List.of(), null, null, false,
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

    /**
     * A stories block (GBIF.org news, events, data use) as a link to the same selection on GBIF.org: the portal
     * renders on the server and does not fetch GBIF.org's content itself.
     */
    BlockView stories(JsonNode data, String linkText) {
        UriComponentsBuilder search = UriComponentsBuilder.fromUriString("https://www.gbif.org/resource/search");
        JsonNode filters = data.get("filters");
        if (filters != null) {
            values(filters.get("contentType")).forEach(type -> search.queryParam("contentType", contentType(type)));
            values(filters.get("countriesOfCoverage")).forEach(c -> search.queryParam("countriesOfCoverage", c));
            values(filters.get("topics")).forEach(t -> search.queryParam("topics", t));
        }
        return new BlockView("stories", text(data, "title"), description(data), List.of(), null, null, false,
                List.of(new BlockView.Button(linkText, search.encode().build().toUriString(), true)));
    }

    /** NEWS → news, DATA_USE → dataUse: GBIF.org's names in its search URLs. */
    private static String contentType(String type) {
        String[] words = type.toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    private static List<String> values(JsonNode list) {
        List<String> values = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(value -> {
                if (value.isValueNode()) {
                    values.add(value.asString());
                }
            });
        }
        return values;
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
