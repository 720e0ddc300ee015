package be.biodiversity.portal.directory.organisation;

/** The kind of body an organisation is. */
public enum OrganisationType {
    FEDERAL_INSTITUTE,
    REGIONAL_AUTHORITY,
    UNIVERSITY,
    MUSEUM_OR_BOTANIC_GARDEN,
    NGO,
    INTERNATIONAL_NETWORK,
    OTHER
}
