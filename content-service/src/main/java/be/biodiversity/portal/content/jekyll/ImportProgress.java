package be.biodiversity.portal.content.jekyll;

/** Told how far an import has come, for its job's progress; {@link #NONE} for an import nobody watches. */
interface ImportProgress {

    ImportProgress NONE = new ImportProgress() {
    };

    /** The repository's files are read: {@code files} of them are text the importer reads. */
    default void read(int files) {
    }

    /** The site is read and checked: {@code documents} pages, posts, data files and includes to store. */
    default void checked(int documents) {
    }

    /** Storing has begun; {@code counts} grow as documents are written. */
    default void writing(ImportWriter.Counts counts) {
    }
}
