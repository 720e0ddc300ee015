package be.biodiversity.portal.content.asset;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /api/content/v1/assets}: every static file of the site, by path, for render-service to write image
 * sizes, {@code srcset} and fingerprinted URLs ({@code ?v=fingerprint}) into pages.
 */
record AssetList(int count, List<Item> results) {

    /**
     * @param path        in the site, without a leading slash ({@code assets/images/logo.png})
     * @param fingerprint the first 16 hex digits of the SHA-256: {@code ?v=} with it is cached a year
     * @param width       of an image whose header could be read, else absent (also {@code height})
     * @param webp        true when {@code ?format=webp} may answer a smaller WebP (a JPEG or PNG of known size, this
     *                    instance can make WebP, and not every copy came out larger); else absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String path, String contentType, long size, String fingerprint, Integer width, Integer height,
            Boolean webp) {

        static Item of(SiteAsset asset, boolean webp) {
            return new Item(asset.path(), asset.contentType(), asset.size(),
                    asset.sha256().substring(0, AssetController.FINGERPRINT), asset.width(), asset.height(),
                    webp ? Boolean.TRUE : null);
        }
    }
}
