package be.biodiversity.portal.directory.people;

/** A person as one reader may see it: {@link PublicPerson} anonymously, {@link PersonResponse} for an editor. */
sealed interface PersonView permits PublicPerson, PersonResponse {
}
