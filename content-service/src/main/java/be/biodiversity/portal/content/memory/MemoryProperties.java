package be.biodiversity.portal.content.memory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How content-service gives back the memory a bulk job (a site import, a full re-index of the site search) needed.
 *
 * @param releaseAfterBulk after bulk jobs, collect the heap once so that what they needed is returned to the system
 * @param settle           how long no bulk job must run before that collection (jobs that follow each other share it)
 * @param minGrowth        the least the heap must have grown during the jobs for the collection to be worth its
 *                         pause; a small import (one changed file) never pauses the service
 * @param bulkHeadroom     the free share of the heap (percent) the JVM keeps after each collection while a large
 *                         import runs, so that a growing heap grows in a few large steps, not one full collection per
 *                         tenth (80: a 5,000-document import ran one full collection instead of three, 0.3 s
 *                         less; the heap it grew to is given back after); 0 leaves the JVM's setting alone
 */
@ConfigurationProperties("portal.content.memory")
public record MemoryProperties(Boolean releaseAfterBulk, Duration settle, DataSize minGrowth, Integer bulkHeadroom) {

    public MemoryProperties {
        releaseAfterBulk = releaseAfterBulk == null || releaseAfterBulk;
        settle = settle == null ? Duration.ofSeconds(2) : settle;
        minGrowth = minGrowth == null ? DataSize.ofMegabytes(16) : minGrowth;
        bulkHeadroom = bulkHeadroom == null ? 80 : bulkHeadroom;
        if (settle.isNegative()) {
            throw new IllegalArgumentException("portal.content.memory.settle must not be negative, was " + settle);
        }
        if (bulkHeadroom < 0 || bulkHeadroom > 90) {
            throw new IllegalArgumentException(
                    "portal.content.memory.bulk-headroom is a percentage from 0 to 90, was " + bulkHeadroom);
        }
    }
}
