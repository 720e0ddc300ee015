package be.biodiversity.portal.content.asset;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.content.assets.*}: the site's static files (images, PDFs, fonts, ...).
 *
 * @param maxFileBytes  the largest single file imported; a larger one is reported and left out
 * @param maxFiles      the most files one site may hold; the ones after it (in path order) are reported and left out
 * @param maxTotalBytes the most bytes all files of a site may hold together; as for {@code maxFiles}
 * @param maxPixels     the largest image (width x height, read from its header before decoding) that is resized;
 *                      a larger one is served as it is, never decoded
 * @param widths        the widths resized copies are made in ({@code ?w=480})
 * @param maxAge        how long browsers may keep a file whose URL is not fingerprinted, before they ask again
 *                      (with {@code If-None-Match})
 * @param resizeWait    how long a request for a resized copy waits for it to be made; past it the file itself is
 *                      answered, not to be kept, and the copy is finished for the next request
 */
@ConfigurationProperties("portal.content.assets")
public record AssetProperties(Long maxFileBytes, Integer maxFiles, Long maxTotalBytes, Long maxPixels,
        List<Integer> widths, Duration maxAge, Duration resizeWait) {

    public AssetProperties {
        maxFileBytes = maxFileBytes == null ? 20_000_000L : maxFileBytes;
        maxFiles = maxFiles == null ? 2_000 : maxFiles;
        maxTotalBytes = maxTotalBytes == null ? 500_000_000L : maxTotalBytes;
        maxPixels = maxPixels == null ? 30_000_000L : maxPixels;
        widths = widths == null || widths.isEmpty() ? List.of(480, 960, 1600) : List.copyOf(widths);
        maxAge = maxAge == null ? Duration.ofMinutes(10) : maxAge;
        resizeWait = resizeWait == null ? Duration.ofSeconds(2) : resizeWait;
    }
}
