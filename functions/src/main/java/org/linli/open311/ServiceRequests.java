package org.linli.open311;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.cases.Case;
import org.linli.cases.CaseStatus;

/** The reads Open311 needs from the cases table: cases with their last change and first report's description. */
public interface ServiceRequests {
    /** A case as a service request: {@code updatedAt} of its last transition, {@code description} and contact name (to mask it in the text) of the report that opened it. */
    /** {@code publicPhotoKeys}: the first report's photos unless its reporter asked to stay anonymous to the public. */
    record Found(Case c, Instant updatedAt, String description, String reporterName, java.util.List<String> publicPhotoKeys) {}

    /** The cases with these ids (unknown ids absent), in one or a few BatchGetItem calls. */
    Map<String, Found> byIds(Collection<String> caseIds);

    /**
     * Cases opened in {@code [start, end]}, newest first, at most {@code limit}: one Query per month
     * of the range on the ByMonth index, filtered by category and status when given.
     */
    List<Found> between(Instant start, Instant end, Set<String> categories, Set<CaseStatus> statuses, int limit);
}
