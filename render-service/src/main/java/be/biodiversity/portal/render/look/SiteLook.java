package be.biodiversity.portal.render.look;

import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import be.biodiversity.portal.render.site.SafeUrls;

/**
 * How the site looks, from its {@code _config.yml} as the hosted-portal theme reads it: {@code algae.logo} (shown in
 * the navigation bar), {@code algae.logoAndTitle} (the title beside it), {@code algae.style.colors.primary} (buttons
 * and links) and {@code algae.style.colors.links} (links, when they differ).
 *
 * @param logo         a safe image URL, or null: the site's name is shown
 * @param logoAndTitle show the name beside the logo
 * @param primary      {@code #rrggbb}
 * @param links        {@code #rrggbb}
 */
public record SiteLook(String logo, boolean logoAndTitle, String primary, String links) {

    /** The portal's own colours, for a site whose configuration names none. */
    public static final SiteLook DEFAULT = new SiteLook(null, true, "#2f5518", "#2f5518");

    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    static SiteLook of(JsonNode config) {
        JsonNode algae = config == null ? null : config.get("algae");
        if (algae == null || !algae.isObject()) {
            return DEFAULT;
        }
        JsonNode colors = algae.path("style").path("colors");
        String primary = colour(colors.get("primary"), DEFAULT.primary());
        String links = colour(colors.get("links"), primary);
        JsonNode title = algae.get("logoAndTitle");
        String logo = SafeUrls.image(text(algae.get("logo")));
        return new SiteLook(logo, logo == null || (title != null && title.asBoolean()), primary, links);
    }

    /**
     * The darkest of the light backgrounds a link sits on: {@code --tint} in site.css (notices, table heads), darker
     * than white and than the footer's {@code #f7f7f7}. A colour that reads on it reads on all of them.
     */
    static final String DARKEST_LINK_BACKGROUND = "#f1f5ee";

    /**
     * Link colour dark enough to read (4.5:1) on every background a link sits on: the site's, darkened where it is
     * too light. (Checked against white only, the template site's pink read 4.26:1 in notices and 4.38:1 in the
     * footer: axe's color-contrast on every page.)
     */
    public String linkText() {
        return Colours.readableOn(DARKEST_LINK_BACKGROUND, links, 4.5);
    }

    /** Text on a primary button: white or near-black, whichever reads better. */
    public String onPrimary() {
        return Colours.contrast(primary, "#ffffff") >= Colours.contrast(primary, "#1a1a1a") ? "#ffffff" : "#1a1a1a";
    }

    private static String colour(JsonNode value, String otherwise) {
        String text = text(value);
        if (text == null || !HEX.matcher(text).matches()) {
            return otherwise;
        }
        String hex = text.substring(1).toLowerCase(Locale.ROOT);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        return "#" + hex;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || !value.isValueNode() || value.asString().isBlank() ? null
                : value.asString().strip();
    }
}
