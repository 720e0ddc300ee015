package be.biodiversity.portal.content.resolve;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** Jekyll's {@code page} variable: the front matter under its own keys, plus {@code url}, {@code lang}, ... */
final class PageVariables {

    private PageVariables() {
    }

    static Map<String, Object> of(PageSource source) {
        Map<String, Object> page = new LinkedHashMap<>(source.frontMatter());
        putIfSet(page, "title", source.title());
        putIfSet(page, "description", source.description());
        putIfSet(page, "background", source.heroImage());
        putIfSet(page, "imageLicense", source.heroImageCredit());
        putIfSet(page, "lang", source.lang());
        putIfSet(page, "lang-ref", source.translationKey());
        putIfSet(page, "layout", source.layout());
        page.put("url", "/".equals(source.permalink()) ? "/" : source.permalink() + "/");
        page.put("permalink", source.permalink());
        if (source.date() != null) {
            page.put("date", Date.from(source.date()));
        }
        if (source.categories() != null) {
            page.put("categories", source.categories());
        }
        return page;
    }

    private static void putIfSet(Map<String, Object> page, String key, Object value) {
        if (value != null) {
            page.put(key, value);
        }
    }
}
