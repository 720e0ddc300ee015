package be.biodiversity.portal.content.data;

import reactor.core.publisher.Mono;

/**
 * What a data-file write asks of the pages before it is stored: whether every published page that reads the file
 * can still be shown with the new text (implemented where pages are, so that data files need not know pages).
 */
public interface DataFileCheck {

    /** Fails with 400 ({@code source}) when a published page using the file would go over a limit with it. */
    Mono<Void> check(String name, String lang, String source);
}
