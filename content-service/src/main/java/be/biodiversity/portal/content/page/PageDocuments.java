package be.biodiversity.portal.content.page;

import java.time.Instant;
import java.time.ZoneOffset;


/** Turns what an editor or the importer sends into the stored document. */
final class PageDocuments {

    private PageDocuments() {
    }

    static Page of(NewPage request, String id, Long version, String author, String sourcePath, String sourceHash) {
        String kind = request.kind() == null ? Page.PAGE : request.kind();
        Integer year = request.date() == null ? null : request.date().atZone(ZoneOffset.UTC).getYear();
        String search = Slugs.fold(String.join(" ", nonNull(request.title()), nonNull(request.description()),
                nonNull(request.body())));
        return new Page(id, request.lang(), Permalinks.normalise(request.permalink()), request.translationKey(),
                request.title(), request.description(), request.heroImage(), request.heroImageCredit(),
                request.body() == null ? "" : request.body(), request.frontMatter(), version, Instant.now(), kind,
                request.layout(), request.categories(), request.date(), year,
                request.status() == null ? Page.PUBLISHED : request.status(), author, sourcePath, sourceHash, search,
                null);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
