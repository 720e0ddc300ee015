package be.biodiversity.portal.content.asset;

import org.bson.types.ObjectId;

/** The bytes an answer sends: a file or one of its resized copies; {@code size} -1 when not known. */
record Served(ObjectId fileId, String etag, String contentType, long size) {

    static Served of(SiteAsset asset) {
        return new Served(asset.fileId(), "\"" + asset.sha256().substring(0, 32) + "\"", asset.contentType(),
                asset.size());
    }

    static Served of(SiteAsset asset, int width, SiteAsset.Variant variant) {
        return new Served(variant.fileId(), "\"" + asset.sha256().substring(0, 32) + "-w" + width + "\"",
                variant.contentType(), variant.size());
    }
}
