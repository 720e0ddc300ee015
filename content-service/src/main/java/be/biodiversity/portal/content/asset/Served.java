package be.biodiversity.portal.content.asset;

import org.bson.types.ObjectId;

/**
 * The bytes an answer sends: a file or one of its resized or WebP copies; {@code size} -1 when not known.
 * {@code provisional}: not the final answer for its URL — the file itself sent in place of a copy that is still being
 * made, or a JPEG/PNG in place of a WebP this instance cannot make — which browsers must check again before using
 * ({@code no-cache}).
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

    /** A WebP copy at {@code width}, or at the image's own size when {@code width} is null. */
    static Served webp(SiteAsset asset, Integer width, SiteAsset.Variant variant) {
        return new Served(variant.fileId(), "\"" + asset.sha256().substring(0, 32) + (width == null ? "" : "-w" + width)
                + "-webp\"", variant.contentType(), variant.size(), false);
    }

    static Served provisional(SiteAsset asset) {
        return of(asset).asProvisional();
    }

    Served asProvisional() {
        return new Served(fileId, etag, contentType, size, true);
    }
}
