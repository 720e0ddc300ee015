package be.biodiversity.portal.content.page;

import java.util.List;

/** A page of results in GBIF's paging shape. */
record PageList(long offset, int limit, long count, boolean endOfRecords, List<PageSummary> results) {
}
