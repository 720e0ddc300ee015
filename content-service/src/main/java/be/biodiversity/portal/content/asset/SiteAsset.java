package be.biodiversity.portal.content.asset;

import java.time.Instant;
import java.util.Map;

import org.bson.types.ObjectId;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import be.biodiversity.portal.content.include.SiteInclude;

/**
 * One static file of a site, as imported: its bytes are a GridFS file of the bucket {@value AssetStore#BUCKET}, this
 * document says which and what they are. Resized copies of an image are GridFS files too, made on first request.
 *
 * @param id       the site key and the path, {@code default:assets/images/logo.png}: a second site's file of the same
 *                 path is another document
 * @param path     the path in the site, without a leading slash ({@code assets/images/logo.png})
 * @param sha256   of the bytes: the {@code ETag}, and what a re-import compares
 * @param width    of an image whose header could be read, else null (also {@code height})
 * @param variants copies made on first request, each a GridFS file: resized ones by width ({@code "480"}), WebP ones
 *                 by width and format ({@code "480-webp"}, {@code "full-webp"} at the image's own size)
 */
@Document("siteAssets")
record SiteAsset(@Id String id, String site, String path, ObjectId fileId, String sha256, long size,
        String contentType, Integer width, Integer height, Map<String, Variant> variants, Instant updatedAt) {

    /**
     * A copy: its GridFS file, type (an opaque PNG becomes a JPEG) and size. A WebP copy that came out no smaller than
     * the JPEG or PNG it would replace is not kept: then {@code fileId} and {@code contentType} are null and
     * {@code size} is the WebP's, so that it is not made again.
     */
    record Variant(ObjectId fileId, String contentType, long size) {

        static Variant notSmaller(long webpSize) {
            return new Variant(null, null, webpSize);
        }

        boolean kept() {
            return fileId != null;
        }
    }

    static final String DEFAULT_SITE = SiteInclude.DEFAULT_SITE;

    static String id(String site, String path) {
        return site + ":" + path;
    }
}
