package be.biodiversity.portal.content.asset;

import org.bson.types.ObjectId;

/**
 * The bytes an answer sends: a file or one of its resized copies; {@code size} -1 when not known. {@code provisional}:
 * the file itself sent in place of a resized copy that is still being made, which browsers must not keep.
 */
record Served(ObjectId fileId, String etag, String contentType, long size, boolean provisional) {

    static Served of(SiteAsset asset) {
        return new Served(asset.fileId(), "\"" + asset.sha256().substring(0, 32) + "\"", asset.contentType(),
                asset.size(), false);
    }

    static Served of(SiteAsset asset, int width, SiteAsset.Variant variant) {
        return new Served(variant.fileId(), "\"" + asset.sha256().substring(0, 32) + "-w" + width + "\"",
                variant.contentType(), variant.size(), false);
    }

    static Served provisional(SiteAsset asset) {
        Served file = of(asset);
        return new Served(file.fileId(), file.etag(), file.contentType(), file.size(), true);
    }
}
