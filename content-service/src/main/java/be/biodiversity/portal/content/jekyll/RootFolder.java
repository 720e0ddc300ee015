package be.biodiversity.portal.content.jekyll;

import java.util.List;

/** Archives made by GitHub wrap the repository in one folder ({@code hp-gbif-be-main/}); the site root is inside. */
final class RootFolder {

    private RootFolder() {
    }

    static List<SourceFile> strip(List<SourceFile> files) {
        if (files.isEmpty() || files.stream().anyMatch(f -> f.path().equals("_config.yml"))) {
            return files;
        }
        String first = files.get(0).path();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String prefix = first.substring(0, slash + 1);
        if (!files.stream().allMatch(f -> f.path().startsWith(prefix))) {
            return files;
        }
        return files.stream().map(f -> new SourceFile(f.path().substring(prefix.length()), f.content(), f.asset())).toList();
    }
}
