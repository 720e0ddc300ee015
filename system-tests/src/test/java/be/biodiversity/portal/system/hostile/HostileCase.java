package be.biodiversity.portal.system.hostile;

/**
 * One hostile request (or a few) and what the portal must do with it. Unless the case {@code writes}, the data
 * read through the APIs must be the same after it as before.
 */
record HostileCase(Category category, String name, boolean writes, Body body) {

    static HostileCase of(Category category, String name, Body body) {
        return new HostileCase(category, name, false, body);
    }

    /** A case that may legitimately store what it sends (stored XSS): its data is checked where it is shown. */
    static HostileCase writing(Category category, String name, Body body) {
        return new HostileCase(category, name, true, body);
    }

    interface Body {
        void run(Client client) throws Exception;
    }
}
