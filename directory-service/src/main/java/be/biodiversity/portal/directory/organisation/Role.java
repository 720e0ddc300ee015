package be.biodiversity.portal.directory.organisation;

/** What an organisation is to GBIF.be. */
public enum Role {
    /** Member of the Belgian Biodiversity Information Facility (Belgian BIF). */
    MEMBER,
    /** International partner of the Belgian node. */
    PARTNER,
    /** Publishes data through GBIF. */
    PUBLISHER
}
