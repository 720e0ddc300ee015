package be.biodiversity.portal.system.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Jekyll sites as zips for {@code POST /api/content/v1/imports}, built in memory. */
final class Archives {

    private Archives() {
    }

    /** A zip of the named texts ({@code name, text, name, text, …}) in a folder {@code site/}. */
    static byte[] site(String... namesAndTexts) {
        return zip(Set.of(), namesAndTexts);
    }

    /**
     * As {@link #site}, but the entries named in {@code links} are marked as Unix symbolic links (their text is the
     * link's target), as {@code zip --symlinks} stores them: an importer that follows them reads that file.
     */
    static byte[] withSymlinks(Set<String> links, String... namesAndTexts) {
        return zip(links, namesAndTexts);
    }

    /** A page file with front matter. */
    static String page(String permalink, String title, String body) {
        return "---\ntitle: " + title + "\npermalink: " + permalink + "\n---\n" + body + "\n";
    }

    private static byte[] zip(Set<String> links, String... namesAndTexts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry("site/" + namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        byte[] archive = bytes.toByteArray();
        if (!links.isEmpty()) {
            markSymlinks(archive, links);
        }
        return archive;
    }

    /** Sets "made by Unix" and the mode {@code lrwxrwxrwx} in the central directory entries of {@code links}. */
    private static void markSymlinks(byte[] zip, Set<String> links) {
        for (int at = 0; at + 46 <= zip.length; at++) {
            if (zip[at] == 0x50 && zip[at + 1] == 0x4b && zip[at + 2] == 0x01 && zip[at + 3] == 0x02) {
                int nameLength = (zip[at + 28] & 0xff) | (zip[at + 29] & 0xff) << 8;
                String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
                if (links.contains(name.substring("site/".length()))) {
                    zip[at + 5] = 3; // version made by: Unix
                    int mode = 0120777 << 16;
                    zip[at + 38] = (byte) mode;
                    zip[at + 39] = (byte) (mode >> 8);
                    zip[at + 40] = (byte) (mode >> 16);
                    zip[at + 41] = (byte) (mode >> 24);
                }
            }
        }
    }
}
