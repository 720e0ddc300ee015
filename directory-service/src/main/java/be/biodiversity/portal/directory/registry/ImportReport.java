package be.biodiversity.portal.directory.registry;

import java.util.List;

/**
 * What a registry import did.
 *
 * @param received  the organisations read
 * @param inserted  new to the directory
 * @param updated   known, with registry data that changed
 * @param unchanged known, with the same registry data
 * @param rejected  left out because a field cannot be used (only when harvesting: an upload with one is refused)
 */
record ImportReport(long received, long inserted, long updated, long unchanged, List<Rejected> rejected) {

    /** An organisation left out, with the field at fault. */
    record Rejected(String key, String field, String message) {
    }
}
