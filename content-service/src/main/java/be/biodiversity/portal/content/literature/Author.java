package be.biodiversity.portal.content.literature;

/** An author as GBIF's literature API gives one. */
record Author(String firstName, String lastName) {

    String fullName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }
}
