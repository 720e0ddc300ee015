package be.biodiversity.portal.content.jekyll;

import java.util.List;

import be.biodiversity.portal.content.page.Page;

/** A repository as read, before anything is stored. */
record ReadSite(List<ImportedItem> items, List<ImportedData> data, List<Problem> problems) {

    boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    List<ImportedItem> published() {
        return items.stream().filter(i -> !Page.DRAFT.equals(i.page().status())).toList();
    }
}
