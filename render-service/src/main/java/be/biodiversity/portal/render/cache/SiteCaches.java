package be.biodiversity.portal.render.cache;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What the change feed tells every cache of this service: the rendered pages and the providers' answers forget
 * exactly what changed, fresh copies and stale ones alike (a removed page never comes back from a kept copy).
 */
@Component
public class SiteCaches {

    private final PageCache pages;
    private final AnswerCache answers;
    private final PagePaths paths;

    SiteCaches(PageCache pages, AnswerCache answers, PagePaths paths) {
        this.pages = pages;
        this.answers = answers;
        this.paths = paths;
    }

    /** Changes in the order content-service made them. */
    public void changed(List<ContentChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // Decided before anything is forgotten: the kept page is what tells a post from a page.
        List<String> posts = changes.stream().filter(change -> !change.site())
                .filter(change -> change.post() != null ? change.post() : mayBePost(change.path()))
                .map(ContentChange::path).toList();
        answers.apply(changes, posts::contains, paths);
        pages.apply(changes, posts::contains);
    }

    /** The feed lost track (content-service's log no longer reaches back, or its revision went back): forget all. */
    public void everythingChanged() {
        answers.clear();
        pages.clear();
    }

    /** Without a kind in the feed, a path not kept as a page may be a new post: its listings are dropped, to be safe. */
    private boolean mayBePost(String path) {
        Boolean post = pages.isPost(path);
        return post == null || post;
    }
}
