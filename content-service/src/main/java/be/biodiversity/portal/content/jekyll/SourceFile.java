package be.biodiversity.portal.content.jekyll;

import java.nio.charset.StandardCharsets;

import be.biodiversity.portal.content.asset.AssetSource;

/**
 * One file of a Jekyll repository: its path relative to the site root ({@code en/about.md}) and its bytes; or, for
 * any other file (an image, a PDF), how it was read as a static file ({@code asset}; {@code content} then empty).
 */
record SourceFile(String path, byte[] content, AssetSource asset) {

    SourceFile(String path, byte[] content) {
        this(path, content, null);
    }

    String text() {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
