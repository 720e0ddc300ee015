package be.biodiversity.portal.content.jekyll;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How long each step of one import took, logged at the end (INFO) so that a slow import says where its time went. */
final class ImportTimes {

    private static final Logger log = LoggerFactory.getLogger(ImportTimes.class);

    private final String source;
    private final long started = System.nanoTime();
    private final List<String> laps = new ArrayList<>();
    private long last = started;

    ImportTimes(String source) {
        this.source = source;
    }

    /** The step that just ended. */
    synchronized void lap(String step) {
        long now = System.nanoTime();
        laps.add(step + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    synchronized void done() {
        log.info("Import of {} took {} ms: {}", source, (System.nanoTime() - started) / 1_000_000, String.join("; ", laps));
    }
}
