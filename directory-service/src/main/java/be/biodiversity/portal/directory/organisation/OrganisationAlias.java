package be.biodiversity.portal.directory.organisation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A key an organisation had before the registry sync gave it its GBIF key: links built on the old key (such as
 * {@code /publisher/{key}} pages) keep answering the organisation.
 *
 * @param formerKey the old key
 * @param key       the organisation's key now
 * @param since     when it changed
 */
@Document("organisationAliases")
record OrganisationAlias(@Id String formerKey, @Indexed String key, Instant since) {
}
