package be.biodiversity.portal.content.page;

/** One language version of a page, as a language switch needs it. */
record Translation(String lang, String permalink, String title) {

    static Translation of(Page page) {
        return new Translation(page.lang(), page.permalink(), page.title());
    }
}
