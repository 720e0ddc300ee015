package be.biodiversity.portal.directory.organisation;

import java.util.ArrayList;
import java.util.List;

import be.biodiversity.portal.search.Folding;

/** Slugs for organisations that come without one, such as those of a registry import. */
final class Slugs {

    static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /** The words of a title as a slug ({@code "Plantentuin Meise"} → {@code plantentuin-meise}), at most 80 long. */
    static String of(String title) {
        String folded = Folding.fold(title == null ? "" : title);
        List<String> words = new ArrayList<>();
        int length = 0;
        for (String word : folded.split("[^a-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (length + word.length() + 1 > MAX_LENGTH) {
                break;
            }
            words.add(word);
            length += word.length() + 1;
        }
        return words.isEmpty() ? "organisation" : String.join("-", words);
    }

    /** The slug made unique with the first part of the key. */
    static String withKey(String slug, String key) {
        return slug + "-" + key.substring(0, 8);
    }

    /**
     * The slug made unique with the whole key, for when the first part is not enough (keys that begin alike): as
     * unique as the key, and within the 100 characters of a slug.
     */
    static String withWholeKey(String slug, String key) {
        int room = 100 - key.length() - 1;
        String start = slug.length() <= room ? slug : slug.substring(0, room);
        while (start.endsWith("-")) {
            start = start.substring(0, start.length() - 1);
        }
        return start + "-" + key;
    }
}
