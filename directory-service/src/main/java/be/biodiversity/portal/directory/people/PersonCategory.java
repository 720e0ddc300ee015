package be.biodiversity.portal.directory.people;

/** Why a person is in the directory. */
enum PersonCategory {
    /** Works for the Belgian GBIF node. */
    NODE_STAFF,
    /** A contact of an organisation or of the node, such as a data publisher's point of contact. */
    CONTACT
}
