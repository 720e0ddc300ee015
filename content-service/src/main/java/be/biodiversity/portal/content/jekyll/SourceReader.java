package be.biodiversity.portal.content.jekyll;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import be.biodiversity.portal.content.asset.AssetReader;
import be.biodiversity.portal.content.asset.AssetSource;

/**
 * Reads the text files of a Jekyll repository from a folder, a {@code .zip} or a {@code .tar.gz}, within
 * {@link ImportProperties.Limits}. Every entry counts towards the file limit; only the files Jekyll reads as
 * content ({@code .md}, {@code .markdown}, {@code .html}, {@code .yml}, {@code .yaml}, any file of {@code _includes})
 * are decompressed and count
 * towards the byte limits; every other file is read as a static file of the site by an {@link AssetReader}, within
 * its own limit per file. An entry outside the root, a link, or a limit passed rejects the whole input.
 * Blocking I/O: callers run this on a bounded-elastic thread.
 */
final class SourceReader {

    private static final Set<String> CONTENT = Set.of("md", "markdown", "html", "yml", "yaml");

    private final ImportProperties.Limits limits;
    /** Reads every other file (images, PDFs, ...) as a static file of the site; null: they are not read. */
    private final AssetReader assets;
    private final List<SourceFile> files = new ArrayList<>();
    /** Told each entry's number as it is read (the importer widens the heap once a site turns out large). */
    private final IntConsumer counted;
    private int entries;
    private long bytes;

    private SourceReader(ImportProperties.Limits limits, AssetReader assets, IntConsumer counted) {
        this.limits = limits;
        this.assets = assets;
        this.counted = counted;
    }

    static List<SourceFile> folder(Path root, ImportProperties.Limits limits) {
        return folder(root, limits, null);
    }

    static List<SourceFile> folder(Path root, ImportProperties.Limits limits, AssetReader assets) {
        return folder(root, limits, assets, entry -> { });
    }

    static List<SourceFile> folder(Path root, ImportProperties.Limits limits, AssetReader assets, IntConsumer counted) {
        SourceReader reader = new SourceReader(limits, assets, counted);
        if (!Files.isDirectory(root)) {
            throw new ArchiveRejectedException(root.toString(), "is not a folder");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String name = root.relativize(path).toString().replace('\\', '/');
                if (Files.isSymbolicLink(path)) {
                    throw new ArchiveRejectedException(name, "is a link; links are not imported");
                }
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    reader.entry(name, false, () -> Files.newInputStream(path), () -> Files.newInputStream(path));
                }
            }
        }
        catch (IOException ex) {
            throw new ArchiveRejectedException(root.toString(), "cannot be read: " + ex.getMessage());
        }
        return reader.files;
    }

    /**
     * A {@code .zip} or {@code .tar.gz}, told apart by their first bytes. A zip is read through its central
     * directory, the only place that holds an entry's unix mode: a zip read as a stream cannot tell a link.
     */
    static List<SourceFile> archive(String name, byte[] bytes, ImportProperties.Limits limits) {
        return archive(name, bytes, limits, null);
    }

    static List<SourceFile> archive(String name, byte[] bytes, ImportProperties.Limits limits, AssetReader assets) {
        return archive(name, bytes, limits, assets, entry -> { });
    }

    static List<SourceFile> archive(String name, byte[] bytes, ImportProperties.Limits limits, AssetReader assets,
            IntConsumer counted) {
        SourceReader reader = new SourceReader(limits, assets, counted);
        try (InputStream in = new BufferedInputStream(new java.io.ByteArrayInputStream(bytes))) {
            in.mark(4);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 'P' && b1 == 'K') {
                reader.readZip(bytes);
            }
            else if (b0 == 0x1f && b1 == 0x8b) {
                reader.readAll(new TarArchiveInputStream(new GzipCompressorInputStream(in)));
            }
            else {
                throw new ArchiveRejectedException(name, "is neither a .zip nor a .tar.gz archive");
            }
        }
        catch (IOException ex) {
            throw new ArchiveRejectedException(name, "is not a readable archive: " + ex.getMessage());
        }
        if (reader.entries == 0) {
            // A damaged zip reads as one without entries; imported as a site, it would prune every imported page.
            throw new ArchiveRejectedException(name, "holds no files: it is empty or not a readable archive");
        }
        return RootFolder.strip(reader.files);
    }

    private void readZip(byte[] bytes) throws IOException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (entry.isDirectory()) {
                    checkPath(entry.getName());
                    continue;
                }
                entry(entry.getName(), entry.isUnixSymlink(), () -> zip.getInputStream(entry), zipEntry(bytes, entry.getName()));
            }
        }
    }

    private void readAll(ArchiveInputStream<? extends ArchiveEntry> archive) throws IOException {
        ArchiveEntry entry;
        while ((entry = archive.getNextEntry()) != null) {
            String name = entry.getName();
            boolean link = entry instanceof TarArchiveEntry tar && (tar.isSymbolicLink() || tar.isLink())
                    || entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink();
            if (entry.isDirectory()) {
                checkPath(name);
                continue;
            }
            ArchiveInputStream<? extends ArchiveEntry> source = archive;
            entry(name, link, () -> source, null);
        }
    }

    /** Opens one entry of a zip held in memory again, when its static file is stored. */
    private static AssetSource.Opener zipEntry(byte[] bytes, String name) {
        return () -> {
            ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
            return new java.io.FilterInputStream(zip.getInputStream(zip.getEntry(name))) {
                @Override
                public void close() throws IOException {
                    super.close();
                    zip.close();
                }
            };
        };
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private void entry(String name, boolean link, Opener opener, AssetSource.Opener again) throws IOException {
        String path = checkPath(name);
        if (link) {
            throw new ArchiveRejectedException(name, "is a link; links are not imported");
        }
        if (++entries > limits.maxFiles()) {
            throw new ArchiveRejectedException(null, "holds more than " + limits.maxFiles() + " files");
        }
        counted.accept(entries);
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase();
        boolean include = path.startsWith("_includes/") || path.contains("/_includes/");
        if (!include && (!CONTENT.contains(extension) || path.lastIndexOf('.') < 0)) {
            if (assets != null) {
                InputStream in = opener.open();
                AssetSource asset = assets.read(in, again);
                if (!(in instanceof ArchiveInputStream<?>)) {
                    in.close();
                }
                files.add(new SourceFile(path, new byte[0], asset));
            }
            return;
        }
        InputStream in = opener.open();
        byte[] content = readLimited(path, in);
        if (!(in instanceof ArchiveInputStream<?>)) {
            in.close();
        }
        files.add(new SourceFile(path, content));
    }

    private byte[] readLimited(String path, InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            bytes += n;
            if (out.size() > limits.maxFileBytes()) {
                throw new ArchiveRejectedException(path, "is larger than " + limits.maxFileBytes() + " bytes");
            }
            if (bytes > limits.maxBytes()) {
                throw new ArchiveRejectedException(null, "holds more than " + limits.maxBytes() + " bytes uncompressed");
            }
        }
        return out.toByteArray();
    }

    /** A file the importer reads as text: markdown, HTML, YAML, and every file of {@code _includes}. */
    static boolean isText(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase();
        boolean include = path.startsWith("_includes/") || path.contains("/_includes/");
        return include || CONTENT.contains(extension) && path.lastIndexOf('.') >= 0;
    }

    /** A relative path without {@code ..}, drive letters or a leading slash; returned with forward slashes. */
    static String checkPath(String name) {
        String path = name.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.isEmpty() || path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.contains("\0")) {
            throw new ArchiveRejectedException(name, "is outside the archive's root (absolute path)");
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw new ArchiveRejectedException(name, "is outside the archive's root (..)");
            }
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
