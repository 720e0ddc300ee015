package be.biodiversity.portal.content.jekyll;

import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;

/**
 * The parts of a multipart import, checked before any is used: every part must be named ({@code Content-Disposition:
 * form-data; name="…"}) and exactly one must be named {@code file}. A part without headers or without a name, no
 * {@code file} part, two, or one without a file name are a 400 naming the part by its position ({@code part 2});
 * nothing is imported. Spring's own reader fails on a nameless part with an {@link IllegalStateException} (a 500)
 * and casts a {@code file} part without a file name to {@link FilePart} (another 500), so the parts are read as
 * they come and checked here. Every part is deleted afterwards (a large one is kept on disk by the reader).
 */
final class MultipartUpload {

    static final String FILE = "file";

    private MultipartUpload() {
    }

    /** {@code use} applied to the part named {@code file} and the name of its archive. */
    static <T> Mono<T> withFile(Flux<Part> parts, Function<Named, Mono<T>> use) {
        return parts.collectList().flatMap(all -> Mono.usingWhen(Mono.just(all),
                list -> Mono.fromCallable(() -> file(list)).flatMap(use), MultipartUpload::delete,
                (list, error) -> delete(list), MultipartUpload::delete));
    }

    /** The one part named {@code file}, with the name its archive is reported by. */
    static Named file(List<Part> parts) {
        FilePart file = null;
        for (int i = 0; i < parts.size(); i++) {
            String name = parts.get(i).headers().getContentDisposition().getName();
            String part = "part " + (i + 1);
            if (name == null || name.isBlank()) {
                throw new ArchiveRejectedException(part, "has no name: every part of a multipart import needs the header "
                        + "'Content-Disposition: form-data; name=\"…\"', and the site's archive goes in the part named '"
                        + FILE + "'");
            }
            if (FILE.equals(name)) {
                if (file != null) {
                    throw new ArchiveRejectedException(part, "is a second part named '" + FILE
                            + "': an import takes one archive");
                }
                if (!(parts.get(i) instanceof FilePart named) || named.filename().isBlank()) {
                    // without a file name the reader takes the part for text and decodes it: no archive survives that
                    throw new ArchiveRejectedException(part, "is named '" + FILE + "' but has no file name: send the "
                            + "archive as a file ('Content-Disposition: form-data; name=\"file\"; filename=\"site.zip\"')");
                }
                file = named;
            }
        }
        if (file == null) {
            throw new ArchiveRejectedException(FILE, "no part is named '" + FILE + "' (the site's archive, .zip or "
                    + ".tar.gz)");
        }
        return new Named(file, file.filename());
    }

    private static Mono<Void> delete(List<Part> parts) {
        return Flux.fromIterable(parts).flatMap(part -> part.delete().onErrorComplete()).then();
    }

    /** The archive's part and the name it is reported by (its file name). */
    record Named(Part part, String name) {
    }
}
