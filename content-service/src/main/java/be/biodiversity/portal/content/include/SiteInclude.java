package be.biodiversity.portal.content.include;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One file of a site's {@code _includes} folder ({@code _includes/figure.html} is name {@code figure.html}), the
 * only place besides the portal's built-in set that Liquid's {@code include} tag reads from.
 *
 * @param id   the site key and the name, {@code default:figure.html}: a second site's file of the same name is
 *             another document
 * @param site the key of the site it belongs to ({@value #DEFAULT_SITE} while there is one site)
 */
@Document("siteIncludes")
public record SiteInclude(@Id String id, String site, String name, String source, @Version Long version,
        Instant updatedAt, String updatedBy, String sourcePath, @JsonIgnore String sourceHash) {

    public static final String DEFAULT_SITE = "default";

    static String id(String site, String name) {
        return site + ":" + name;
    }
}
