package be.biodiversity.portal.content.revision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keep           how many of the newest revisions the change log keeps; a reader further behind is told
 *                       {@code complete: false}
 * @param holeGrace      how long a revision may stay taken but unwritten (its writer died between taking the
 *                       number and writing the entry) before a site-wide entry is written in its place
 * @param repairInterval how often each instance looks for such a revision; zero or negative: never
 */
@ConfigurationProperties("portal.content.changes")
record ChangesProperties(Integer keep, Duration holeGrace, Duration repairInterval) {

    ChangesProperties {
        keep = keep == null ? 10_000 : keep;
        holeGrace = holeGrace == null ? Duration.ofSeconds(30) : holeGrace;
        repairInterval = repairInterval == null ? Duration.ofSeconds(10) : repairInterval;
        if (keep < 1) {
            throw new IllegalArgumentException("portal.content.changes.keep must be at least 1, not " + keep);
        }
    }
}
