package be.biodiversity.portal.render.cache;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import be.biodiversity.portal.render.ProviderStub;
import be.biodiversity.portal.render.content.ContentChanges;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * content-service's change feed as a stub serves it: each {@link #publish} makes a new revision with the entries
 * given ({@code %d} in an entry stands for its revision) and has render-service read it at once.
 */
final class ChangeFeed {

    private final ProviderStub content;
    private long revision = 1000;

    ChangeFeed(ProviderStub content) {
        this.content = content;
    }

    long revision() {
        return revision;
    }

    void publish(ContentChanges reader, String... entries) {
        continueAt(revision, reader, entries);
    }

    /** The entries after {@code from}, the reader having been told there is more since the last revision read. */
    void continueAt(long from, ContentChanges reader, String... entries) {
        long to = entries.length == 0 ? from : from + 1;
        String list = Arrays.stream(entries).map(entry -> entry.formatted(to)).collect(Collectors.joining(", "));
        content.respond("/api/content/v1/changes?since=" + from, 200, "application/json",
                "{\"revision\": " + to + ", \"complete\": true, \"changes\": [" + list + "], \"more\": false}");
        settle(reader, to);
    }

    /** The reader's revision is older than the feed reaches back. */
    void incomplete(ContentChanges reader) {
        long to = revision + 1;
        content.respond("/api/content/v1/changes?since=" + revision, 200, "application/json",
                "{\"revision\": " + to + ", \"complete\": false, \"changes\": [], \"more\": false}");
        settle(reader, to);
    }

    private void settle(ContentChanges reader, long to) {
        revision = to;
        content.respond("/api/content/v1/revision", 200, "application/json", "{\"revision\": " + to + "}");
        content.respond("/api/content/v1/changes?since=" + to, 200, "application/json",
                "{\"revision\": " + to + ", \"complete\": true, \"changes\": [], \"more\": false}");
        assertThat(reader.read().block(Duration.ofSeconds(5))).isEqualTo(to);
    }
}
