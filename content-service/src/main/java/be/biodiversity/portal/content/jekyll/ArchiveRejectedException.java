package be.biodiversity.portal.content.jekyll;

/** An upload or folder the importer refuses as a whole (unsafe entry, too large): answered with 400, nothing imported. */
public class ArchiveRejectedException extends RuntimeException {

    private final String file;

    ArchiveRejectedException(String file, String message) {
        super(file == null ? message : file + ": " + message);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
