package be.biodiversity.portal.content.data;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One data file of the site ({@code _data/images.yml} is name {@code images}, language "" (the default);
 * {@code _data/fr/images.yml} is name {@code images}, language {@code fr}). The YAML text is what is stored:
 * it keeps comments and order, and map keys with dots that a MongoDB document could not hold. The site
 * settings of {@code _config.yml} are kept the same way under the name {@code _config}.
 */
@Document("siteData")
@CompoundIndex(name = "name_lang", def = "{'name': 1, 'lang': 1}", unique = true)
public record SiteData(@Id String id, String name, String lang, String source, @Version Long version,
        Instant updatedAt, String updatedBy, String sourcePath, @JsonIgnore String sourceHash) {

    public static final String CONFIG = "_config";
}
