package be.biodiversity.portal.content.data;

import java.time.Instant;

/**
 * A data file as the API serves it.
 *
 * @param requestedLang the language asked for
 * @param lang          the language of the file served: "" is the default-language file ({@code _data/x.yml})
 * @param fallback      true when no file exists in the requested language and the default one is served
 * @param content       the YAML parsed (maps, lists, values)
 * @param source        the YAML text
 */
record DataView(String id, String name, String requestedLang, String lang, boolean fallback, Object content,
        String source, Long version, Instant updatedAt, String updatedBy) {

    static DataView of(SiteData data, String requested, Object content) {
        return new DataView(data.id(), data.name(), requested, data.lang(), !data.lang().equals(requested), content,
                data.source(), data.version(), data.updatedAt(), data.updatedBy());
    }
}
