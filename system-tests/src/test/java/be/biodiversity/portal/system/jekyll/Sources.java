package be.biodiversity.portal.system.jekyll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files Jekyll reads as pages, posts and collection documents, with its {@code EntryFilter}: an entry whose name
 * starts with {@code .}, {@code _}, {@code #} or {@code ~}, or ends with {@code ~}, is skipped unless {@code include}
 * names it; an entry {@code exclude} matches (a glob as {@code File.fnmatch?}, or a prefix of its path) is skipped
 * unless {@code include} names it. {@code _posts} folders are read in every folder that is read; collections from
 * {@code _<name>}.
 */
final class Sources {

    static final Pattern POST_NAME = Pattern.compile("(?:.+/)*?(\\d{2,4}-\\d{1,2}-\\d{1,2})-([^/]*)(\\.[^.]+)");

    private final Path folder;
    private final SiteSettings settings;

    Sources(Path folder, SiteSettings settings) {
        this.folder = folder;
        this.settings = settings;
    }

    /** Every candidate file, relative to the site ({@code en/about.md}, {@code _posts/fr/2024-01-01-a.md}). */
    List<String> files() {
        List<String> found = new ArrayList<>();
        read("", found);
        for (SiteSettings.Collection collection : settings.collections().values()) {
            if (collection.output()) {
                readAll("_" + collection.name(), found);
            }
        }
        return found;
    }

    static boolean isPost(String file) {
        return (file.startsWith("_posts/") || file.contains("/_posts/")) && POST_NAME.matcher(file).matches();
    }

    static Optional<String> collectionOf(String file, SiteSettings settings) {
        return settings.collections().values().stream().filter(c -> file.startsWith("_" + c.name() + "/"))
                .map(SiteSettings.Collection::name).findFirst();
    }

    /** A folder as Jekyll's reader walks it: its own entries, then its {@code _posts}. */
    private void read(String dir, List<String> found) {
        for (Path entry : entries(dir)) {
            String relative = relative(dir, entry);
            if (filtered(relative)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                read(relative, found);
            }
            else {
                found.add(relative);
            }
        }
        String posts = dir.isEmpty() ? "_posts" : dir + "/_posts";
        if (Files.isDirectory(folder.resolve(posts))) {
            readAll(posts, found);
        }
    }

    /** Everything below a posts or collection folder, each path inside it filtered as Jekyll filters them. */
    private void readAll(String dir, List<String> found) {
        Path base = folder.resolve(dir);
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(base)) {
            walk.filter(Files::isRegularFile).sorted().forEach(file -> {
                String inside = base.relativize(file).toString().replace('\\', '/');
                boolean skip = false;
                for (String segment : inside.split("/")) {
                    skip |= special(segment) && !included(segment);
                }
                if (!skip && !(excluded(dir + "/" + inside) && !included(dir + "/" + inside))) {
                    found.add(dir + "/" + inside);
                }
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private boolean filtered(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        boolean included = included(relative);
        if (excluded(relative) && !included) {
            return true;
        }
        return !included && special(name);
    }

    private static boolean special(String name) {
        return name.startsWith(".") || name.startsWith("_") || name.startsWith("#") || name.startsWith("~")
                || name.endsWith("~");
    }

    private boolean included(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return settings.include().stream().anyMatch(p -> matches(p, relative) || p.equals(name));
    }

    private boolean excluded(String relative) {
        return settings.exclude().stream().anyMatch(p -> matches(p, relative));
    }

    /** Jekyll's {@code glob_include?}: the pattern, joined to the source folder, matches the entry or is its prefix. */
    private boolean matches(String pattern, String relative) {
        String p = pattern.replaceFirst("^/+", "");
        boolean directory = Files.isDirectory(folder.resolve(relative));
        return Glob.matches(p, relative) || relative.startsWith(p) || directory && p.equals(relative + "/");
    }

    private List<Path> entries(String dir) {
        try (Stream<Path> list = Files.list(dir.isEmpty() ? folder : folder.resolve(dir))) {
            return list.sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String relative(String dir, Path entry) {
        return (dir.isEmpty() ? "" : dir + "/") + entry.getFileName();
    }
}
