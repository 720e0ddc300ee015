package be.biodiversity.portal.content.asset;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/** The media type a static file is served with, from its extension (never sniffed from its bytes). */
final class ContentTypes {

    /** Types that Spring's table lacks or names otherwise than browsers expect. */
    private static final Map<String, String> OWN = Map.of("webp", "image/webp", "avif", "image/avif",
            "woff", "font/woff", "woff2", "font/woff2", "ico", "image/x-icon", "md", "text/markdown;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8", "css", "text/css;charset=UTF-8", "mjs", "text/javascript;charset=UTF-8");

    private ContentTypes() {
    }

    static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String own = OWN.get(extension);
        if (own != null) {
            return own;
        }
        MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
        if (type.getType().equals("text") && type.getCharset() == null) {
            return type + ";charset=UTF-8";
        }
        return type.toString();
    }
}
