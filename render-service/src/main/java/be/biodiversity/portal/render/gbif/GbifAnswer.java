package be.biodiversity.portal.render.gbif;

import java.time.Instant;

/**
 * An answer of the GBIF API.
 *
 * @param value     what GBIF answered, read as our own record
 * @param fetchedAt when GBIF gave it
 * @param stale     GBIF could not be reached just now: this is the last good answer of the same query, to be shown
 *                  with its time
 */
public record GbifAnswer<T>(T value, Instant fetchedAt, boolean stale) {
}
