package be.biodiversity.portal.render.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param contactEmail where visitors write about their data */
@ConfigurationProperties("portal.privacy")
record PrivacyProperties(String contactEmail) {

    PrivacyProperties {
        contactEmail = contactEmail == null ? "gbif@biodiversity.be" : contactEmail;
    }
}
